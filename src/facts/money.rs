//! TODO: money facts.

use super::{Fact, Input};

/// Compiled once per extractor.
pub struct Rules {}

impl Rules {
    pub fn new() -> Self {
        Self {}
    }

    pub fn find(&self, _input: Input<'_>) -> Vec<Fact> {
        Vec::new()
    }
}
