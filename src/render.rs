//! `dossier render`: the reader's screen after some keys, as plain text.

use std::path::Path;

use anyhow::{Result, bail};

use crate::corpus::Corpus;

pub fn render(_corpus: Corpus, _size: (u16, u16), _keys: &str, _svg: Option<&Path>) -> Result<String> {
    bail!("render is not built yet")
}
