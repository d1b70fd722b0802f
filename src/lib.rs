//! dossier: a terminal reader for a pile of news articles.
//!
//! The pipeline, one type per step:
//! 1. paths → [`corpus::stream`] (or [`corpus::Corpus::load`]) → [`corpus::Document`]s (decoded, cleaned, titled, language told);
//! 2. documents → [`facts::Extractor::extract`] → [`facts::Fact`]s with byte spans;
//! 3. corpus + facts → [`app::App`] (state; keys become actions through one keymap);
//! 4. [`ui::render`] draws the app; [`tui`] runs it in a real terminal,
//!    [`render`] on a headless one.

pub mod app;
pub mod bounded;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod facts;
pub mod index;
pub mod keys;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod state;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod wrap;
