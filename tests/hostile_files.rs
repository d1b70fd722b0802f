//! Hostile folders: files that would block, stream for ever, lead out of
//! the folders named, or fake a line of output with their name; pages the
//! HTML parser was quadratic on; articles that differ only in their title.
//! Each test is named for what a person would see go wrong.

mod common;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use dossier::corpus::{Corpus, collect_sources, stream};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs dossier with `args`, killed (and the test failed) after `limit`.
fn run_within(limit: Duration, args: &[&str]) -> Output {
    finish_within(limit, common::command().args(args))
}

/// Runs `cmd` (stdin empty, output kept), killing it and failing the test
/// when it has not ended within `limit`.
fn finish_within(limit: Duration, cmd: &mut Command) -> Output {
    let mut child =
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("{cmd:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(out: &Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success())
}

const SECRET: &str = "Private Notes\n\nThe combination of the safe is 4711.";

// 1. Nothing is read without a limit.

#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_link_after_listing_is_not_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = write(outside.path(), "group", SECRET);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", "An Article\n\nWords of the article.");
    let listing = collect_sources(&[dir.path().to_path_buf()]);
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(&secret, &path).unwrap();
    let mut corpus = Corpus::default();
    stream(listing, |b| {
        corpus.add(b);
        ControlFlow::Continue(())
    });
    assert!(corpus.docs.is_empty(), "read: {:?}", corpus.docs[0].body);
    assert!(corpus.problems[0].message.contains("replaced"), "{:?}", corpus.problems);
}

#[cfg(target_os = "linux")]
#[test]
fn fifos_devices_and_proc_files_never_hold_the_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "An Article\n\nWords of the article.");
    let fifo = dir.path().join("pipe.txt");
    if !mkfifo(&fifo) {
        return;
    }
    let f = fifo.to_str().unwrap();
    // Named directly, as given: still refused, at once.
    for args in [&["text", f][..], &["text", "/dev/zero"], &["text", "/proc/self/status"]] {
        let out = run_within(Duration::from_secs(20), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let (stdout, stderr) = text(&out);
        assert!(stdout.is_empty(), "{args:?} printed {stdout}");
        assert!(
            ["not a regular file", "empty file"].iter().any(|m| stderr.contains(m)),
            "{args:?}: {stderr}"
        );
    }
    let out = run_within(Duration::from_secs(20), &["text", dir.path().to_str().unwrap()]);
    let (stdout, stderr) = text(&out);
    assert!(stdout.contains("An Article"), "{stdout}");
    assert!(stderr.contains("pipe.txt: skipped: not a regular file"), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn config_and_state_are_read_with_bounds_too() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    if !mkfifo(&fifo) {
        return;
    }
    for config in [fifo.to_str().unwrap(), "/dev/zero"] {
        let out =
            run_within(Duration::from_secs(20), &["--config", config, "render", "--size", "80x20"]);
        assert_eq!(out.status.code(), Some(2), "--config {config}");
        assert!(text(&out).1.contains("not a regular file"), "{}", text(&out).1);
    }
    // A FIFO where the old state file is: the import says so and goes on.
    let state = tempfile::tempdir().unwrap();
    assert!(mkfifo(&state.path().join(dossier::store::JSON_FILE)));
    let start = Instant::now();
    let mut marks = dossier::store::Marks::open(&state.path().join("state.sqlite")).unwrap();
    assert_eq!(marks.import_json(state.path()).unwrap(), None);
    assert!(start.elapsed() < Duration::from_secs(5));
    let note = marks.take_note().unwrap();
    assert!(note.contains("not imported") && note.contains("not a regular file"), "{note}");
    assert!(state.path().join(dossier::store::JSON_FILE).exists(), "left as it is");
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_where_a_database_should_be_is_not_opened() {
    let home = tempfile::tempdir().unwrap();
    let (cache, state) = (home.path().join("cache/dossier"), home.path().join("state/dossier"));
    std::fs::create_dir_all(&cache).unwrap();
    std::fs::create_dir_all(&state).unwrap();
    if !mkfifo(&cache.join("library.sqlite")) || !mkfifo(&state.join("state.sqlite-wal")) {
        return;
    }
    let folder = home.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..4 {
        std::fs::write(folder.join(format!("{i}.txt")), format!("Title {i}\n\nBody {i}.")).unwrap();
    }
    let out = finish_within(
        Duration::from_secs(20),
        common::command()
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .args(["facts", "--json"])
            .arg(&folder),
    );
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout.lines().count(), 4, "every article, without the library");
    assert!(stderr.contains("library.sqlite") && stderr.contains("not a regular file"), "{stderr}");
}

#[test]
fn a_file_over_the_cap_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let big = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    // Sparse: nothing is written, the size is all that counts.
    big.set_len(dossier::corpus::MAX_FILE_BYTES + 1).unwrap();
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    assert!(corpus.docs.is_empty());
    assert!(corpus.problems[0].message.contains("too large (64 MB; the limit is 64 MB)"));
}

// 2. Links lead nowhere outside the folders named.

#[cfg(unix)]
#[test]
fn links_out_of_the_folder_are_skipped_with_a_note() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = write(outside.path(), "group", SECRET);
    write(outside.path(), "private/diary.txt", SECRET);
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("articles");
    write(&dir, "a.txt", "An Article\n\nWords of the article.");
    write(&dir, "sub/b.txt", "Another Article\n\nMore words.");
    write(root.path(), "beside.txt", SECRET);
    symlink(&secret, dir.join("group.txt")).unwrap();
    symlink(outside.path().join("private"), dir.join("private")).unwrap();
    symlink("..", dir.join("up")).unwrap();
    symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    symlink("/proc/self/environ", dir.join("env.txt")).unwrap();
    symlink("sub/b.txt", dir.join("b-again.txt")).unwrap();
    symlink("sub", dir.join("sub-again")).unwrap();
    if mkfifo(&outside.path().join("fifo")) {
        symlink(outside.path().join("fifo"), dir.join("fifo.txt")).unwrap();
    }
    let out = run_within(Duration::from_secs(20), &["text", dir.to_str().unwrap()]);
    let (stdout, stderr) = text(&out);
    assert!(!stdout.contains("4711") && !stdout.contains("Private"), "read outside:\n{stdout}");
    assert!(stdout.contains("An Article") && stdout.contains("Another Article"), "{stdout}");
    assert_eq!(stdout.matches("Another Article").count(), 1, "{stdout}");
    for link in ["group.txt", "private", "up", "zero.txt", "env.txt"] {
        assert!(
            stderr.contains(&format!("{link}: skipped: a link to somewhere outside")),
            "{link}: {stderr}"
        );
    }
    // The link and the file it leads to are one article.
    assert_eq!(
        stderr.matches("skipped: the same file as one listed before").count(),
        1,
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(0), "notes only: {stderr}");
}

#[cfg(unix)]
#[test]
fn a_file_named_on_the_command_line_is_read_as_named() {
    let outside = tempfile::tempdir().unwrap();
    let article = write(outside.path(), "story.txt", "A Story\n\nTold elsewhere.");
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&article, &link).unwrap();
    let out = run_within(Duration::from_secs(20), &["text", link.to_str().unwrap()]);
    assert!(text(&out).0.contains("Told elsewhere."), "{:?}", text(&out));
}

// 4. Identical means the same title and the same body.

#[test]
fn records_with_their_own_titles_and_one_body_are_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let lines = (1..=30)
        .map(|i| format!("{{\"title\":\"Headline number {i}\",\"body\":\"Subscribe to read.\"}}\n"))
        .collect::<Vec<_>>()
        .concat();
    write(dir.path(), "records.jsonl", lines);
    let items = (1..=30)
        .map(|i| {
            format!(
                "<item><title>Item {i}</title><description>Subscribe to read.</description></item>"
            )
        })
        .collect::<Vec<_>>()
        .concat();
    write(
        dir.path(),
        "feed.xml",
        format!("<rss version=\"2.0\"><channel><title>S</title>{items}</channel></rss>"),
    );
    write(
        dir.path(),
        "zz-again.jsonl",
        "{\"title\":\"Headline number 3\",\"body\":\"Subscribe  to read.\"}\n",
    );
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.docs.len(), 60, "{:?}", corpus.notes);
    assert_eq!(corpus.notes.len(), 1, "{:?}", corpus.notes);
    assert!(corpus.notes[0].path.ends_with("zz-again.jsonl#1"));
    assert!(corpus.notes[0].message.contains("records.jsonl#3"), "{}", corpus.notes[0]);
}

#[test]
fn a_file_named_twice_is_read_once_and_no_duplicate_of_itself() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.jsonl", "{\"title\":\"One\",\"body\":\"Text one.\"}\n");
    let corpus = Corpus::load(&[file.clone(), dir.path().to_path_buf(), file]);
    assert_eq!(corpus.docs.len(), 1);
    assert!(corpus.notes.iter().all(|n| n.message.contains("same file")), "{:?}", corpus.notes);
}

// 6. A name never fakes a line of output.

#[cfg(unix)]
#[test]
fn a_newline_in_a_file_name_stays_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad\ndossier: everything loaded fine.txt", [0u8, 1, 2, 0, 0, 0, 0, 0]);
    write(dir.path(), "good.txt", "Good\n\nA good article.");
    let d = dir.path().to_str().unwrap();
    let out = run_within(Duration::from_secs(20), &["text", d]);
    let stderr = text(&out).1;
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("bad\u{240a}dossier: everything loaded fine.txt"), "{stderr}");
    assert!(stderr.lines().all(|l| !l.starts_with("dossier: everything")), "{stderr}");
    let out =
        run_within(Duration::from_secs(30), &["render", "--size", "120x20", "--keys", "P", d]);
    let screen = text(&out).0;
    assert!(screen.contains("bad␊dossier: everything loaded fine.txt"), "{screen}");
    assert!(
        screen.lines().all(|l| !l.trim_start_matches(['│', ' ']).starts_with("dossier:")),
        "{screen}"
    );
}

// 7. Pages the parser cannot build in good time are read as plain text.

#[test]
fn pathological_pages_are_read_as_plain_text_with_a_problem() {
    let attrs = (0..5000).map(|i| format!(" a{i}=1")).collect::<Vec<_>>().concat();
    let escaped = "&lt;div/&gt;".repeat(5000);
    let cases = [
        (
            "selfclose.html",
            format!("<title>Shape</title>{}<p>Last words…</p>", "<div/>".repeat(5000)),
        ),
        (
            "stray.html",
            format!("<title>Shape</title>{}<p>Last words!</p>", "<div></x>".repeat(5000)),
        ),
        ("attrs.html", format!("<title>Shape</title><div{attrs}><p>Last words?</p></div>")),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, page) in &cases {
        write(dir.path(), name, page);
    }
    write(
        dir.path(),
        "feed.xml",
        format!(
            "<rss version=\"2.0\"><channel><title>S</title><item><title>Shape</title>\
                 <description>&lt;p&gt;Last words.&lt;/p&gt;{escaped}</description></item></channel></rss>"
        ),
    );
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.docs.len(), 4, "{:?}", corpus.notes);
    for doc in &corpus.docs {
        assert_eq!(doc.title, "Shape", "{}", doc.path);
        assert!(doc.body.starts_with("Last words"), "{}: {}", doc.path, doc.body);
    }
    let problems: Vec<String> = corpus.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    for p in &problems {
        assert!(p.contains("page too complex"), "{p}");
    }
}

// 9. render refuses a size no terminal has.

#[test]
fn render_refuses_a_size_no_terminal_has() {
    for size in ["5000x5000", "65535x65535"] {
        let out = run_within(Duration::from_secs(20), &["render", "--size", size]);
        assert_eq!(out.status.code(), Some(2), "{size}");
        let stderr = text(&out).1;
        assert!(stderr.contains("the size must be at most 2000x1000"), "{stderr}");
    }
}
