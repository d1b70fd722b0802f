//! Documents + facts → lookups across the corpus: which articles name an
//! entity (whatever language they name it in), and every figure with the
//! sentence it stands in.

mod entities;
mod sentence;

pub use entities::{Entity, EntityIndex, Mentions};
pub use sentence::sentence_around;
