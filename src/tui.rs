//! The reader in a real terminal.

use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::corpus::Corpus;

pub fn run(_corpus: Corpus) -> Result<ExitCode> {
    bail!("the reader is not built yet")
}
