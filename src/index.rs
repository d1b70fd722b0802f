//! Documents + facts → lookups across the corpus: which articles name an
//! entity (whatever language they name it in), every figure with the
//! sentence it stands in, and accent- and case-blind text search (in one
//! article, or across all of them through [`SearchIndex`]).

mod build;
mod entities;
pub mod fold;
mod query;
mod search;
mod sentence;
mod snippet;
pub mod words;

pub use entities::{Entity, EntityIndex, Mentions};
pub use fold::{Folded, fold, fold_mapped};
pub use query::{Phrase, Query, find_in_text};
pub use search::{DocHits, Results, SearchIndex};
pub use sentence::sentence_around;
pub use snippet::snippet;
