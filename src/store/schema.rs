//! The tables, as SQL. The README's "Database" section documents them for
//! people who query the file with `sqlite3` or Datasette; keep the two in
//! step.

/// The library (`library.sqlite`, in the cache directory).
pub const LIBRARY: &str = r#"
CREATE TABLE files (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    path       TEXT NOT NULL UNIQUE,  -- absolute
    size       INTEGER NOT NULL,      -- bytes, when it was read
    mtime_ns   INTEGER NOT NULL,      -- modification time, ns since 1970
    hash       TEXT,                  -- content hash of the bytes read, when known
    parse      TEXT NOT NULL,         -- parse version that made its documents
    extraction TEXT,                  -- extraction version of their facts
    seen       INTEGER NOT NULL,      -- when last listed (unix seconds, to the day)
    problems   TEXT                   -- JSON [[label, message], ...] of what failed in it
);
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    file         INTEGER NOT NULL REFERENCES files(id),
    ord          INTEGER NOT NULL,    -- its place among the file's documents
    part         INTEGER,             -- N of `key#N` in a file of several articles
    key          TEXT NOT NULL,       -- FACTS.md's id, as first loaded
    path         TEXT NOT NULL,       -- the path as first given
    lang         TEXT NOT NULL,
    title        TEXT NOT NULL,
    has_headline INTEGER NOT NULL,
    date         TEXT,
    site         TEXT,
    url          TEXT,
    byline       TEXT,
    words        INTEGER NOT NULL,
    bytes        INTEGER NOT NULL,    -- length of the body
    hash         TEXT NOT NULL,       -- key of the reading state (marks.key)
    body_hash    INTEGER NOT NULL     -- identity of title and text, to load a repeat once
);
CREATE INDEX documents_by_file ON documents(file, ord);
CREATE TABLE bodies (
    document   INTEGER PRIMARY KEY REFERENCES documents(id),
    paragraphs BLOB NOT NULL,
    furniture  BLOB NOT NULL,
    body       TEXT NOT NULL
);
CREATE TABLE facts (
    document INTEGER NOT NULL REFERENCES documents(id),
    ord      INTEGER NOT NULL,        -- reading order in the document
    kind     TEXT NOT NULL,           -- money percent date person org place quote
    field    TEXT NOT NULL,           -- body or title: where start and end point
    start    INTEGER NOT NULL,        -- UTF-8 byte offsets, half open
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL,           -- the mention as written
    value,                            -- number (money, percent), text, or NULL (quote)
    max      REAL,
    currency TEXT,
    speaker  TEXT,
    role     TEXT,
    org      TEXT,
    PRIMARY KEY (document, ord)
) WITHOUT ROWID;
CREATE TABLE fact_blobs (
    document INTEGER PRIMARY KEY REFERENCES documents(id),
    facts    BLOB NOT NULL
);
CREATE TABLE blobs (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    part INTEGER NOT NULL,
    data BLOB NOT NULL,
    UNIQUE (name, part)
);
"#;

pub const LIBRARY_TABLES: [&str; 6] =
    ["files", "documents", "bodies", "facts", "fact_blobs", "blobs"];

/// The index that makes `facts` quick to group by kind and value. Built
/// once after a large import rather than kept up row by row during it
/// (which doubles the cost of storing the facts); the reader, which never
/// uses it, leaves it to `--db-path` and the headless commands.
pub const FACTS_INDEX: &str = "CREATE INDEX IF NOT EXISTS facts_by_kind ON facts(kind, value)";

/// The reading state (`state.sqlite`, in the state directory), as schema 1
/// made it; [`STATE_STEPS`] add what came after.
pub const STATE: &str = r"
CREATE TABLE marks (
    key       TEXT PRIMARY KEY,       -- documents.hash: a hash of the article's text
    path      TEXT NOT NULL,          -- where it was last seen (a hint)
    read      INTEGER NOT NULL DEFAULT 0,
    starred   INTEGER NOT NULL DEFAULT 0,
    paragraph INTEGER NOT NULL DEFAULT 0,  -- the place: paragraph index
    byte      INTEGER NOT NULL DEFAULT 0,  -- and byte offset in it
    changed   INTEGER NOT NULL,       -- unix seconds
    seen      INTEGER NOT NULL        -- when the article was last loaded (unix seconds)
) WITHOUT ROWID;
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,           -- 'last': the article open last; 'imported': state.json's
    value TEXT NOT NULL
) WITHOUT ROWID;
";

/// The person's corrections of the facts (schema 2 of the reading state).
const CORRECTIONS: &str = r#"
CREATE TABLE corrections (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order they were made in
    what    TEXT NOT NULL,            -- drop, speaker, merge, split
    kind    TEXT NOT NULL,            -- the fact's kind (person org place quote ...)
    article TEXT,                     -- drop, speaker: the article's id (FACTS.md)
    field   TEXT,                     -- body or title
    start   INTEGER,                  -- the mention's UTF-8 byte offsets
    "end"   INTEGER,
    text    TEXT,                     -- the mention as written (split: the spelling split off)
    name    TEXT,                     -- merge: the name merged; split: the entity split
    value   TEXT,                     -- speaker (NULL: none), merge and split: the new name
    changed INTEGER NOT NULL          -- unix seconds
);
"#;

pub const STATE_TABLES: [&str; 3] = ["marks", "meta", "corrections"];

/// The steps from one schema of the reading state to the next: the first
/// takes schema 1 to 2. The reading state is never rebuilt, only stepped on.
pub const STATE_STEPS: [&str; 1] = [CORRECTIONS];
