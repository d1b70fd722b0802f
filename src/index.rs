//! Documents + facts → lookups across the corpus: which articles name an
//! entity (whatever language they name it in), every figure with the
//! sentence it stands in, and accent- and case-blind text search.
//!
//! Search, for the UI:
//! - in one article: [`find_in_text`]`(query, &doc.body)` → hit spans of the
//!   body (the query is one phrase, like `less`); cheap enough per keystroke
//!   (about 200 MB/s of text);
//! - across the corpus: [`SearchIndex::build`]`(&corpus.docs)` once (seconds
//!   at 100,000 articles, so off the draw path), then per keystroke
//!   [`SearchIndex::search`]`(&docs, &`[`Query::parse`]`(input), limit)` →
//!   [`Results`]: the number of matching articles and the best `limit` with
//!   their hit spans in title and body; [`snippet`] cuts a line around a hit.
//!
//! Both obey one rule ([`mod@fold`], [`words`]): case and accents do not count,
//! and a query word matches the start of a text word, never its inside.

mod build;
pub mod dossier;
mod entities;
pub mod fold;
pub mod layered;
mod query;
mod search;
mod sentence;
mod snippet;
pub mod words;

pub use build::Feed;
pub use dossier::{Dossier, FactsOf, Source};
pub use entities::{ArticleEntities, Entity, EntityIndex, Mentions, entities_of};
pub use fold::{Folded, fold, fold_mapped};
pub use layered::Layered;
pub use query::{Phrase, Query, find_in_text};
pub use search::{DocHits, Results, SearchIndex};
pub use sentence::sentence_around;
pub use snippet::snippet;
