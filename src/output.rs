//! What the headless commands print: every write to standard output goes
//! through here, so that a reader that stops early (`| head -c 10`) ends
//! dossier quietly and a write that fails (a full disk) is an error
//! message and exit status 2, never a panic.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

/// Prints `text` on standard output, whole, and flushes it.
pub fn print(text: &str) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    finish(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// What the result of writing standard output means for dossier's end:
/// a closed pipe is a quiet success (the reader has all it wanted); any
/// other failure is an error.
pub fn finish(result: std::io::Result<()>) -> Result<ExitCode> {
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write the output"),
    }
}
