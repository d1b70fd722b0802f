//! The one table of key bindings: which keys reach which [`Action`] in
//! which [`Context`], the defaults, and the changes the configuration makes.

use std::fmt::Write as _;

use super::action::Action;
use super::notation::{Key, Sequence};

/// What keys apply to: the focused pane, or a full-screen view over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    List,
    Reader,
    Sidebar,
    FactsView,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    ListAndReader,
    List,
    Reader,
    Sidebar,
    FactsView,
}

impl Scope {
    pub const ALL: &[Scope] = &[
        Scope::Anywhere,
        Scope::ListAndReader,
        Scope::List,
        Scope::Reader,
        Scope::Sidebar,
        Scope::FactsView,
    ];

    /// The scope's table name in the configuration file (`[keys.list]`).
    pub const fn config_name(self) -> &'static str {
        match self {
            Scope::Anywhere => "anywhere",
            Scope::ListAndReader => "list_and_reader",
            Scope::List => "list",
            Scope::Reader => "reader",
            Scope::Sidebar => "sidebar",
            Scope::FactsView => "facts_view",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Scope::Anywhere => "anywhere",
            Scope::ListAndReader => "list, reader",
            Scope::List => "list",
            Scope::Reader => "reader",
            Scope::Sidebar => "sidebar",
            Scope::FactsView => "facts view",
        }
    }

    fn applies(self, ctx: Context) -> bool {
        match self {
            Scope::Anywhere => true,
            Scope::ListAndReader => matches!(ctx, Context::List | Context::Reader),
            Scope::List => ctx == Context::List,
            Scope::Reader => ctx == Context::Reader,
            Scope::Sidebar => ctx == Context::Sidebar,
            Scope::FactsView => ctx == Context::FactsView,
        }
    }

    /// Narrower scopes win over wider ones.
    const fn rank(self) -> u8 {
        match self {
            Scope::List | Scope::Reader | Scope::Sidebar | Scope::FactsView => 0,
            Scope::ListAndReader => 1,
            Scope::Anywhere => 2,
        }
    }
}

/// Keys bound to one action in one scope; each may be a sequence (`g g`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Vec<Sequence>,
    pub action: Action,
}

/// A row of the default table.
struct DefaultRow {
    scope: Scope,
    keys: &'static [&'static str],
    action: Action,
}

const fn bind(scope: Scope, keys: &'static [&'static str], action: Action) -> DefaultRow {
    DefaultRow { scope, keys, action }
}

/// The default key map; the configuration can change any row of it.
const DEFAULTS: &[DefaultRow] = &[
    bind(Scope::Anywhere, &["q", "C-c"], Action::Quit),
    bind(Scope::Anywhere, &["C-z"], Action::Suspend),
    bind(Scope::Anywhere, &["?"], Action::Help),
    bind(Scope::Anywhere, &["Tab"], Action::NextPane),
    bind(Scope::Anywhere, &["BackTab"], Action::PrevPane),
    bind(Scope::Anywhere, &["f"], Action::ToggleSidebar),
    bind(Scope::Anywhere, &["B"], Action::ToggleFurniture),
    bind(Scope::Anywhere, &["M"], Action::ToggleMouse),
    bind(Scope::Anywhere, &["P"], Action::Problems),
    bind(Scope::Anywhere, &["r"], Action::Reload),
    bind(Scope::Anywhere, &["Esc"], Action::Escape),
    bind(Scope::Anywhere, &["F"], Action::FactsView),
    bind(Scope::Anywhere, &["H"], Action::ToggleHighlight),
    bind(Scope::Anywhere, &["x"], Action::Export),
    bind(Scope::Anywhere, &["y"], Action::CopyFact),
    bind(Scope::Anywhere, &["S"], Action::SearchCorpus),
    bind(Scope::Anywhere, &["L"], Action::CycleLanguage),
    bind(Scope::ListAndReader, &["n"], Action::NextArticle),
    bind(Scope::ListAndReader, &["p"], Action::PrevArticle),
    bind(Scope::ListAndReader, &["m"], Action::ToggleRead),
    bind(Scope::ListAndReader, &["*"], Action::ToggleStar),
    bind(Scope::ListAndReader, &["u"], Action::UnreadOnly),
    bind(Scope::ListAndReader, &["'"], Action::StarredOnly),
    bind(Scope::ListAndReader, &["o"], Action::OpenSource),
    bind(Scope::List, &["j", "Down"], Action::Down),
    bind(Scope::List, &["k", "Up"], Action::Up),
    bind(Scope::List, &["g", "Home"], Action::First),
    bind(Scope::List, &["G", "End"], Action::Last),
    bind(Scope::List, &["PgUp"], Action::PageUpSelect),
    bind(Scope::List, &["PgDn"], Action::PageDownSelect),
    bind(Scope::List, &["Enter", "l"], Action::Open),
    bind(Scope::List, &["/"], Action::FilterTitle),
    bind(Scope::List, &["s"], Action::CycleSort),
    bind(Scope::Reader, &["j", "Down"], Action::ScrollDown),
    bind(Scope::Reader, &["k", "Up"], Action::ScrollUp),
    bind(Scope::Reader, &["C-d"], Action::HalfPageDown),
    bind(Scope::Reader, &["C-u"], Action::HalfPageUp),
    bind(Scope::Reader, &["Space", "PgDn"], Action::PageDown),
    bind(Scope::Reader, &["PgUp"], Action::PageUp),
    bind(Scope::Reader, &["g", "Home"], Action::Top),
    bind(Scope::Reader, &["G", "End"], Action::Bottom),
    bind(Scope::Reader, &["h"], Action::Back),
    bind(Scope::Reader, &["/"], Action::SearchArticle),
    bind(Scope::Reader, &["N"], Action::PrevHit),
    bind(Scope::Reader, &["}"], Action::NextFact),
    bind(Scope::Reader, &["{"], Action::PrevFact),
    bind(Scope::Sidebar, &["j", "Down"], Action::Down),
    bind(Scope::Sidebar, &["k", "Up"], Action::Up),
    bind(Scope::Sidebar, &["g", "Home"], Action::First),
    bind(Scope::Sidebar, &["G", "End"], Action::Last),
    bind(Scope::Sidebar, &["Enter"], Action::NextMention),
    bind(Scope::Sidebar, &["e"], Action::FilterEntity),
    bind(Scope::FactsView, &["j", "Down"], Action::Down),
    bind(Scope::FactsView, &["k", "Up"], Action::Up),
    bind(Scope::FactsView, &["g", "Home"], Action::First),
    bind(Scope::FactsView, &["G", "End"], Action::Last),
    bind(Scope::FactsView, &["PgUp"], Action::PageUpSelect),
    bind(Scope::FactsView, &["PgDn"], Action::PageDownSelect),
    bind(Scope::FactsView, &["Tab", "BackTab"], Action::SwitchSection),
    bind(Scope::FactsView, &["s"], Action::ToggleSort),
    bind(Scope::FactsView, &["Enter"], Action::Open),
];

/// What a key (after the keys pending before it) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The start of a longer sequence: wait for the next key.
    Pending,
    None,
}

/// The key map in force: the defaults, with the configuration's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|d| Binding {
                scope: d.scope,
                keys: d.keys.iter().map(|k| k.parse().expect("a default key parses")).collect(),
                action: d.action,
            })
            .collect();
        Self { bindings }
    }
}

impl Keymap {
    /// The meaning of `key` after `pending` in a context. An exact binding
    /// wins (the narrowest scope first); a binding that starts with these
    /// keys makes them pending.
    pub fn lookup(&self, pending: &[Key], key: Key, ctx: Context) -> Lookup {
        let n = pending.len();
        // Whether a sequence starts with the pending keys and then `key`.
        let starts = |seq: &Sequence| seq.0.len() > n && seq.0[..n] == *pending && seq.0[n] == key;
        let applicable = || self.bindings.iter().filter(|b| b.scope.applies(ctx));
        let exact = applicable()
            .filter(|b| b.keys.iter().any(|k| k.0.len() == n + 1 && starts(k)))
            .min_by_key(|b| b.scope.rank());
        if let Some(b) = exact {
            return Lookup::Action(b.action);
        }
        let longer = applicable().any(|b| b.keys.iter().any(|k| k.0.len() > n + 1 && starts(k)));
        if longer { Lookup::Pending } else { Lookup::None }
    }

    /// The keys bound to an action in a scope (replacing the defaults).
    pub fn set(&mut self, scope: Scope, action: Action, keys: Vec<Sequence>) {
        // Any other action that had one of these keys in this scope loses it.
        for b in self.bindings.iter_mut().filter(|b| b.scope == scope && b.action != action) {
            b.keys.retain(|k| !keys.contains(k));
        }
        match self.bindings.iter_mut().find(|b| b.scope == scope && b.action == action) {
            Some(b) => b.keys = keys,
            None => self.bindings.push(Binding { scope, keys, action }),
        }
        self.bindings.retain(|b| !b.keys.is_empty());
    }

    /// The key table as Markdown rows (`| where | keys | action |`), for the
    /// README; a test keeps the README in step with the defaults.
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| where | keys | action |\n|---|---|---|\n");
        for b in &self.bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.display())).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                b.scope.label(),
                keys.join(", "),
                b.action.describe()
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    fn keys(s: &[&str]) -> Vec<Sequence> {
        s.iter().map(|k| k.parse().unwrap()).collect()
    }

    /// The action a single key stands for with the default key map.
    fn lookup(k: &str, ctx: Context) -> Option<Action> {
        match Keymap::default().lookup(&[], key(k), ctx) {
            Lookup::Action(a) => Some(a),
            _ => None,
        }
    }

    #[test]
    fn narrow_scope_wins() {
        assert_eq!(lookup("j", Context::List), Some(Action::Down));
        assert_eq!(lookup("j", Context::Reader), Some(Action::ScrollDown));
        assert_eq!(lookup("n", Context::Sidebar), None);
        assert_eq!(lookup("C-c", Context::Sidebar), Some(Action::Quit));
        assert_eq!(lookup("Tab", Context::FactsView), Some(Action::SwitchSection));
    }

    #[test]
    fn sequences_wait_for_their_next_key() {
        let mut map = Keymap::default();
        map.set(Scope::List, Action::First, keys(&["g g"]));
        assert_eq!(map.lookup(&[], key("g"), Context::List), Lookup::Pending);
        assert_eq!(map.lookup(&[key("g")], key("g"), Context::List), Lookup::Action(Action::First));
        assert_eq!(map.lookup(&[key("g")], key("x"), Context::List), Lookup::None);
        // The reader keeps its own `g`.
        assert_eq!(map.lookup(&[], key("g"), Context::Reader), Lookup::Action(Action::Top));
    }

    #[test]
    fn rebinding_moves_a_key() {
        let mut map = Keymap::default();
        map.set(Scope::List, Action::Down, keys(&["J"]));
        assert_eq!(map.lookup(&[], key("j"), Context::List), Lookup::None);
        assert_eq!(map.lookup(&[], key("J"), Context::List), Lookup::Action(Action::Down));
        assert_ne!(map, Keymap::default());
        // Binding the default keys again gives the default map back.
        map.set(Scope::List, Action::Down, keys(&["j", "Down"]));
        assert_eq!(map, Keymap::default());
        assert_eq!(map.lookup(&[], key("j"), Context::List), Lookup::Action(Action::Down));
    }

    #[test]
    fn a_key_taken_by_another_action_leaves_the_first() {
        let mut map = Keymap::default();
        map.set(Scope::List, Action::Open, keys(&["j"]));
        assert_eq!(map.lookup(&[], key("j"), Context::List), Lookup::Action(Action::Open));
        assert_eq!(map.lookup(&[], key("Down"), Context::List), Lookup::Action(Action::Down));
        let down = map.bindings.iter().find(|b| b.scope == Scope::List && b.action == Action::Down);
        assert_eq!(down.map(|b| b.keys.clone()), Some(keys(&["Down"])));
    }

    #[test]
    fn every_action_has_a_key_and_no_key_is_bound_twice_in_a_scope() {
        let map = Keymap::default();
        for action in Action::ALL {
            assert!(map.bindings.iter().any(|b| b.action == *action), "{action:?} has no key");
        }
        for pane in [Context::List, Context::Reader, Context::Sidebar, Context::FactsView] {
            let mut seen = std::collections::HashMap::new();
            for b in map.bindings.iter().filter(|b| b.scope.applies(pane)) {
                for k in &b.keys {
                    if let Some((rank, other)) = seen.insert(k.clone(), (b.scope.rank(), b.action))
                    {
                        assert_ne!(
                            rank,
                            b.scope.rank(),
                            "{k} bound to {other:?} and {:?} in {pane:?}",
                            b.action
                        );
                    }
                }
            }
        }
    }
}
