//! Everything a person can ask dossier to do. Each variant's `///` line is
//! what the help overlay and the README's keys table show.

/// Declares [`Action`] with its documentation kept as data, so the help
/// overlay reads the same words as the code.
macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $name:ident, )*) => {
        /// A documented action, reached through the keymap.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl Action {
            /// Every action, in the order of the help overlay.
            pub const ALL: &[Action] = &[$(Action::$name,)*];

            /// The action's name in the configuration file: `next_article`.
            pub fn config_name(self) -> String {
                let name = match self {
                    $( Action::$name => stringify!($name), )*
                };
                let mut out = String::new();
                for (i, c) in name.chars().enumerate() {
                    if c.is_uppercase() && i > 0 {
                        out.push('_');
                    }
                    out.extend(c.to_lowercase());
                }
                out
            }

            /// The action's one-line description.
            pub fn describe(self) -> &'static str {
                match self {
                    $( Action::$name => concat!($($doc),+).trim(), )*
                }
            }
        }
    };
}

actions! {
    /// quit (Ctrl-c always quits, whatever the map says)
    Quit,
    /// suspend to the shell; `fg` redraws
    Suspend,
    /// help overlay (its own key closes it, as does escape)
    Help,
    /// next pane
    NextPane,
    /// previous pane
    PrevPane,
    /// next article (in the reader, while a search has hits: next hit)
    NextArticle,
    /// previous article
    PrevArticle,
    /// show / hide the fact sidebar
    ToggleSidebar,
    /// show / hide page furniture (dimmed when shown)
    ToggleFurniture,
    /// mouse capture on / off (off lets the terminal select text)
    ToggleMouse,
    /// list of files that could not be loaded, and notes (duplicates skipped)
    Problems,
    /// reload changed and new files, drop vanished ones, keep the place
    Reload,
    /// move the selection up
    Up,
    /// move the selection down
    Down,
    /// move the selection to the first item
    First,
    /// move the selection to the last item
    Last,
    /// move the selection a page up
    PageUpSelect,
    /// move the selection a page down
    PageDownSelect,
    /// open the article in the reader
    Open,
    /// scroll up a line
    ScrollUp,
    /// scroll down a line
    ScrollDown,
    /// scroll half a page down
    HalfPageDown,
    /// scroll half a page up
    HalfPageUp,
    /// scroll a page down
    PageDown,
    /// scroll a page up
    PageUp,
    /// scroll to the top
    Top,
    /// scroll to the bottom
    Bottom,
    /// back to the list
    Back,
    /// close the overlay or view, else clear the newest list filter, else go back to the list
    Escape,
    /// jump to the next fact in reading order
    NextFact,
    /// jump to the previous fact in reading order
    PrevFact,
    /// jump to the selected fact's next mention
    NextMention,
    /// filter the list to the articles that name the selected entity
    FilterEntity,
    /// corpus facts view: every entity and figure of the corpus
    FactsView,
    /// the selected entity's page: its names, roles, articles, quotes, figures, company and dates across the corpus (on a line of the page: jump there, or open that entity's page; escape goes back)
    Dossier,
    /// fact highlighting in the text on / off
    ToggleHighlight,
    /// export the article's facts (on an entity page: the page), Markdown and JSON, to the data directory
    Export,
    /// copy the selected fact to the clipboard (OSC 52)
    CopyFact,
    /// sort the entities by article count or by name
    ToggleSort,
    /// switch between the entities and the figures
    SwitchSection,
    /// mark the article read / unread
    ToggleRead,
    /// star / unstar the article
    ToggleStar,
    /// list only unread articles (again: all)
    UnreadOnly,
    /// list only starred articles (again: all)
    StarredOnly,
    /// search in the article (confirming keeps the hits, cancelling clears them)
    SearchArticle,
    /// search every article (results as you type; confirming opens the hit)
    SearchCorpus,
    /// filter the list by title as you type
    FilterTitle,
    /// cycle the language filter: all, then each language present
    CycleLanguage,
    /// previous search hit
    PrevHit,
    /// sort the list: path, date, title, language
    CycleSort,
    /// open the article's source: an http(s) URL in $BROWSER, else the article's file in $PAGER
    OpenSource,
    /// mark every listed article read
    MarkAllRead,
    /// next unread article in the list (wraps to the top)
    NextUnread,
    /// reverse the list's order
    ReverseSort,
    /// keep what the box holds (in the corpus search: open the chosen hit)
    Confirm,
    /// close the box and undo what it did
    Cancel,
    /// cursor a character left
    CursorLeft,
    /// cursor a character right
    CursorRight,
    /// cursor to the start of the text
    CursorStart,
    /// cursor to the end of the text
    CursorEnd,
    /// delete the character before the cursor
    DeleteBack,
    /// delete the character under the cursor
    DeleteForward,
    /// delete the word before the cursor
    DeleteWord,
    /// delete everything before the cursor
    DeleteToStart,
    /// the query typed before (history)
    HistoryPrev,
    /// the query typed after (history), then what was being typed
    HistoryNext,
    /// correct: drop the selected fact (every mention of it in the article)
    DropFact,
    /// correct: set or clear the selected quote's speaker
    SetSpeaker,
    /// correct: merge the selected entity into another one, named
    MergeEntity,
    /// correct: split the selected mention's spelling off its entity (or undo the merge that made it)
    SplitEntity,
    /// take back the last correction made in this session
    UndoCorrection,
    /// watch list: the articles that name a watched name, per name
    WatchView,
    /// every correction in force (of every session), to take one back
    CorrectionsView,
    /// take the selected correction back
    TakeBack,
}
