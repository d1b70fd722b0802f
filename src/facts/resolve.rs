//! TODO: resolve surname-only mentions and quote speakers across a document.

use super::Fact;
use crate::corpus::Document;

pub fn resolve(_facts: &mut [Fact], _doc: &Document) {}
