//! Keys, below everything that uses them: the [`Action`]s a person can ask
//! for, the key notation ([`Key`], [`Sequence`]), and the key map from keys
//! to actions per [`Context`]. The configuration reads and changes the map,
//! the app dispatches through it, the help screen draws it; this module
//! imports none of them.

mod action;
mod map;
mod notation;

pub use action::Action;
pub use map::{ALWAYS_QUITS, Binding, Context, Keymap, Lookup, Scope};
pub use notation::{Key, Sequence, parse_keys};
