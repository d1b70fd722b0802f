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
    /// The watch list's view (`W`).
    WatchView,
    /// An entity's page (`d`).
    Dossier,
    /// The list of corrections (`C`).
    CorrectionsView,
    /// The help or problems overlay.
    Overlay,
    /// A text box (`/`, the list's title filter).
    Prompt,
    /// The corpus search's text box, over its results.
    SearchPrompt,
}

impl Context {
    pub const ALL: &[Context] = &[
        Context::List,
        Context::Reader,
        Context::Sidebar,
        Context::FactsView,
        Context::WatchView,
        Context::Dossier,
        Context::CorrectionsView,
        Context::Overlay,
        Context::Prompt,
        Context::SearchPrompt,
    ];
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
    WatchView,
    Dossier,
    CorrectionsView,
    Overlay,
    Prompt,
    SearchPrompt,
}

impl Scope {
    pub const ALL: &[Scope] = &[
        Scope::Anywhere,
        Scope::ListAndReader,
        Scope::List,
        Scope::Reader,
        Scope::Sidebar,
        Scope::FactsView,
        Scope::WatchView,
        Scope::Dossier,
        Scope::CorrectionsView,
        Scope::Overlay,
        Scope::Prompt,
        Scope::SearchPrompt,
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
            Scope::WatchView => "watch_view",
            Scope::Dossier => "entity_page",
            Scope::CorrectionsView => "corrections_view",
            Scope::Overlay => "overlay",
            Scope::Prompt => "prompt",
            Scope::SearchPrompt => "search_prompt",
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
            Scope::WatchView => "watch list",
            Scope::Dossier => "entity page",
            Scope::CorrectionsView => "corrections",
            Scope::Overlay => "help, P",
            Scope::Prompt => "text box",
            Scope::SearchPrompt => "search all box",
        }
    }

    /// Whether the scope's keys apply in a context. Text boxes take every
    /// other key as text, so no wider scope reaches them.
    pub fn applies(self, ctx: Context) -> bool {
        match self {
            Scope::Anywhere => !matches!(ctx, Context::Prompt | Context::SearchPrompt),
            Scope::ListAndReader => matches!(ctx, Context::List | Context::Reader),
            Scope::List => ctx == Context::List,
            Scope::Reader => ctx == Context::Reader,
            Scope::Sidebar => ctx == Context::Sidebar,
            Scope::FactsView => ctx == Context::FactsView,
            Scope::WatchView => ctx == Context::WatchView,
            Scope::Dossier => ctx == Context::Dossier,
            Scope::CorrectionsView => ctx == Context::CorrectionsView,
            Scope::Overlay => ctx == Context::Overlay,
            Scope::Prompt => matches!(ctx, Context::Prompt | Context::SearchPrompt),
            Scope::SearchPrompt => ctx == Context::SearchPrompt,
        }
    }

    /// Narrower scopes win over wider ones.
    const fn rank(self) -> u8 {
        match self {
            Scope::List
            | Scope::Reader
            | Scope::Sidebar
            | Scope::FactsView
            | Scope::WatchView
            | Scope::Dossier
            | Scope::CorrectionsView
            | Scope::Overlay
            | Scope::SearchPrompt => 0,
            Scope::ListAndReader | Scope::Prompt => 1,
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
    bind(Scope::Sidebar, &["d"], Action::Dossier),
    bind(Scope::FactsView, &["j", "Down"], Action::Down),
    bind(Scope::FactsView, &["k", "Up"], Action::Up),
    bind(Scope::FactsView, &["g", "Home"], Action::First),
    bind(Scope::FactsView, &["G", "End"], Action::Last),
    bind(Scope::FactsView, &["PgUp"], Action::PageUpSelect),
    bind(Scope::FactsView, &["PgDn"], Action::PageDownSelect),
    bind(Scope::FactsView, &["Tab", "BackTab"], Action::SwitchSection),
    bind(Scope::FactsView, &["s"], Action::ToggleSort),
    bind(Scope::FactsView, &["Enter"], Action::Open),
    bind(Scope::FactsView, &["q"], Action::Escape),
    bind(Scope::FactsView, &["d"], Action::Dossier),
    bind(Scope::Dossier, &["j", "Down"], Action::Down),
    bind(Scope::Dossier, &["k", "Up"], Action::Up),
    bind(Scope::Dossier, &["g", "Home"], Action::First),
    bind(Scope::Dossier, &["G", "End"], Action::Last),
    bind(Scope::Dossier, &["PgUp"], Action::PageUpSelect),
    bind(Scope::Dossier, &["PgDn"], Action::PageDownSelect),
    bind(Scope::Dossier, &["Enter"], Action::Open),
    bind(Scope::Dossier, &["q"], Action::Escape),
    bind(Scope::ListAndReader, &["A"], Action::MarkAllRead),
    bind(Scope::ListAndReader, &["U"], Action::NextUnread),
    bind(Scope::List, &["R"], Action::ReverseSort),
    bind(Scope::Overlay, &["Esc", "q"], Action::Escape),
    bind(Scope::Overlay, &["j", "Down"], Action::ScrollDown),
    bind(Scope::Overlay, &["k", "Up"], Action::ScrollUp),
    bind(Scope::Overlay, &["Space", "PgDn"], Action::PageDown),
    bind(Scope::Overlay, &["PgUp"], Action::PageUp),
    bind(Scope::Overlay, &["C-d"], Action::HalfPageDown),
    bind(Scope::Overlay, &["C-u"], Action::HalfPageUp),
    bind(Scope::Overlay, &["g", "Home"], Action::Top),
    bind(Scope::Overlay, &["G", "End"], Action::Bottom),
    bind(Scope::Prompt, &["Enter"], Action::Confirm),
    bind(Scope::Prompt, &["Esc"], Action::Cancel),
    bind(Scope::Prompt, &["Left", "C-b"], Action::CursorLeft),
    bind(Scope::Prompt, &["Right", "C-f"], Action::CursorRight),
    bind(Scope::Prompt, &["Home", "C-a"], Action::CursorStart),
    bind(Scope::Prompt, &["End", "C-e"], Action::CursorEnd),
    bind(Scope::Prompt, &["Backspace", "C-h"], Action::DeleteBack),
    bind(Scope::Prompt, &["Delete", "C-d"], Action::DeleteForward),
    bind(Scope::Prompt, &["C-w", "A-Backspace"], Action::DeleteWord),
    bind(Scope::Prompt, &["C-u"], Action::DeleteToStart),
    bind(Scope::Prompt, &["Up", "C-p"], Action::HistoryPrev),
    bind(Scope::Prompt, &["Down", "C-n"], Action::HistoryNext),
    bind(Scope::SearchPrompt, &["Up"], Action::Up),
    bind(Scope::SearchPrompt, &["Down"], Action::Down),
    bind(Scope::SearchPrompt, &["PgUp"], Action::PageUpSelect),
    bind(Scope::SearchPrompt, &["PgDn"], Action::PageDownSelect),
    bind(Scope::Sidebar, &["D"], Action::DropFact),
    bind(Scope::Sidebar, &["a"], Action::SetSpeaker),
    bind(Scope::Sidebar, &["m"], Action::MergeEntity),
    bind(Scope::Sidebar, &["s"], Action::SplitEntity),
    bind(Scope::Sidebar, &["z"], Action::UndoCorrection),
    bind(Scope::Anywhere, &["W"], Action::WatchView),
    bind(Scope::WatchView, &["j", "Down"], Action::Down),
    bind(Scope::WatchView, &["k", "Up"], Action::Up),
    bind(Scope::WatchView, &["g", "Home"], Action::First),
    bind(Scope::WatchView, &["G", "End"], Action::Last),
    bind(Scope::WatchView, &["PgUp"], Action::PageUpSelect),
    bind(Scope::WatchView, &["PgDn"], Action::PageDownSelect),
    bind(Scope::WatchView, &["Enter"], Action::Open),
    bind(Scope::WatchView, &["q"], Action::Escape),
    bind(Scope::Anywhere, &["C"], Action::CorrectionsView),
    bind(Scope::CorrectionsView, &["j", "Down"], Action::Down),
    bind(Scope::CorrectionsView, &["k", "Up"], Action::Up),
    bind(Scope::CorrectionsView, &["g", "Home"], Action::First),
    bind(Scope::CorrectionsView, &["G", "End"], Action::Last),
    bind(Scope::CorrectionsView, &["PgUp"], Action::PageUpSelect),
    bind(Scope::CorrectionsView, &["PgDn"], Action::PageDownSelect),
    bind(Scope::CorrectionsView, &["D", "Delete"], Action::TakeBack),
    bind(Scope::CorrectionsView, &["z"], Action::UndoCorrection),
    bind(Scope::CorrectionsView, &["q"], Action::Escape),
];

/// The key that quits whatever the map says: the configuration can add
/// keys to quit, never take this one away or give it to another action.
pub const ALWAYS_QUITS: Key = Key::ctrl('c');

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
        self.keep_ctrl_c();
        self.bindings.retain(|b| !b.keys.is_empty());
    }

    /// Ctrl-c quits anywhere, and nothing else has it ([`ALWAYS_QUITS`]).
    fn keep_ctrl_c(&mut self) {
        let ctrl_c = Sequence(vec![ALWAYS_QUITS]);
        for b in &mut self.bindings {
            if !(b.scope == Scope::Anywhere && b.action == Action::Quit) {
                b.keys.retain(|k| *k != ctrl_c);
            }
        }
        match self
            .bindings
            .iter_mut()
            .find(|b| b.scope == Scope::Anywhere && b.action == Action::Quit)
        {
            Some(b) if !b.keys.contains(&ctrl_c) => b.keys.push(ctrl_c),
            Some(_) => {}
            None => self.bindings.insert(
                0,
                Binding { scope: Scope::Anywhere, keys: vec![ctrl_c], action: Action::Quit },
            ),
        }
    }

    /// The keys that reach `action` in a context, the narrowest scope's
    /// first: those a person sees in hints (a key a narrower scope takes
    /// for another action is left out).
    pub fn keys_for(&self, action: Action, ctx: Context) -> Vec<&Sequence> {
        let mut bindings: Vec<&Binding> =
            self.bindings.iter().filter(|b| b.action == action && b.scope.applies(ctx)).collect();
        bindings.sort_by_key(|b| b.scope.rank());
        bindings
            .into_iter()
            .flat_map(|b| &b.keys)
            .filter(|seq| self.resolve(seq, ctx) == Lookup::Action(action))
            .collect()
    }

    /// How the first key that reaches `action` in a context is shown
    /// (`q`, `Ctrl-c`), or `None` when no key does.
    pub fn hint(&self, action: Action, ctx: Context) -> Option<String> {
        self.keys_for(action, ctx).first().map(|k| k.display())
    }

    /// What a whole sequence means in a context.
    fn resolve(&self, seq: &Sequence, ctx: Context) -> Lookup {
        let mut lookup = Lookup::None;
        for (i, key) in seq.0.iter().enumerate() {
            lookup = self.lookup(&seq.0[..i], *key, ctx);
        }
        lookup
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
    fn ctrl_c_always_quits_and_hints_follow_the_map() {
        let mut map = Keymap::default();
        assert_eq!(map.hint(Action::Quit, Context::List).as_deref(), Some("q"));
        map.set(Scope::Anywhere, Action::Quit, keys(&["Q"]));
        assert_eq!(map.hint(Action::Quit, Context::List).as_deref(), Some("Q"));
        assert_eq!(map.lookup(&[], key("C-c"), Context::Reader), Lookup::Action(Action::Quit));
        assert_eq!(map.lookup(&[], key("q"), Context::Reader), Lookup::None);
        map.set(Scope::Anywhere, Action::Quit, Vec::new());
        assert_eq!(map.hint(Action::Quit, Context::List).as_deref(), Some("Ctrl-c"));
        map.set(Scope::List, Action::Down, keys(&["C-c", "J"]));
        assert_eq!(map.lookup(&[], key("C-c"), Context::List), Lookup::Action(Action::Quit));
        // In the overlay, `q` closes; the reader's `g` is not the list's.
        let map = Keymap::default();
        assert_eq!(map.hint(Action::Escape, Context::Overlay).as_deref(), Some("Esc"));
        assert_eq!(map.lookup(&[], key("q"), Context::Overlay), Lookup::Action(Action::Escape));
        assert_eq!(map.lookup(&[], key("q"), Context::Prompt), Lookup::None);
        assert_eq!(map.lookup(&[], key("Up"), Context::SearchPrompt), Lookup::Action(Action::Up));
        assert_eq!(
            map.lookup(&[], key("Up"), Context::Prompt),
            Lookup::Action(Action::HistoryPrev)
        );
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
        for &pane in Context::ALL {
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
