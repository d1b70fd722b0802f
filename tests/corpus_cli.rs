//! `dossier text` and `dossier facts` on real corpora: the printed shape,
//! one stderr line per problem, exit status 2 when any (notes do not
//! count), good articles printed all the same.

use std::path::Path;
use std::process::Output;

mod common;

fn dossier(args: &[&str], dir: &Path) -> Output {
    common::command().args(args).current_dir(dir).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn text_prints_title_blank_line_paragraphs_and_form_feeds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "First Headline\n\nPara one.\nPara two.").unwrap();
    std::fs::write(
        dir.path().join("b.json"),
        r#"{"title":"Second","body":"<p>Three</p><p>Four</p>"}"#,
    )
    .unwrap();
    let out = dossier(&["text", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "First Headline\n\nPara one.\n\nPara two.\n\x0c\nSecond\n\nThree\n\nFour\n"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn text_without_paths_prints_the_bundled_articles() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["text"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.matches("\n\x0c\n").count(), 3);
    assert!(
        text.contains("Alibaba Announces Exit from Cloud Business to Focus on Core Operations\n\n")
    );
}

#[test]
fn problems_go_to_stderr_with_status_2_and_good_articles_still_print() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), "# Good One\n\nFine text here.").unwrap();
    std::fs::write(dir.path().join("blob.bin"), [0u8, 1, 2, 3, 0, 0, 0, 0, 255, 0, 0, 9]).unwrap();
    std::fs::write(dir.path().join("broken.json"), "[\n{\"title\": \"x\",\n\"body\" oops}\n]")
        .unwrap();
    for command in ["text", "facts"] {
        let out = dossier(&[command, "."], dir.path());
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{command}: {err}");
        assert!(lines[0].contains("blob.bin") && lines[0].contains("skipped"), "{err}");
        assert!(lines[1].contains("broken.json") && lines[1].contains("line 3"), "{err}");
        assert!(stdout(&out).contains("Good One"), "{command}");
    }
}

#[test]
fn a_missing_path_is_a_problem_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["text", "nowhere.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nowhere.txt: cannot open"));
    assert_eq!(stdout(&out), "");
}

#[test]
fn duplicates_are_a_note_and_keep_status_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Same\n\nSame words in both files.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Same\n\nSame words in both files.").unwrap();
    let out = dossier(&["text", "."], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "Same\n\nSame words in both files.\n");
    assert!(
        stderr(&out).contains("note: ./b.txt: same title and text as ./a.txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn facts_json_ids_count_articles_inside_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::write(
        dir.path().join("news/feed.jsonl"),
        "{\"title\":\"A\",\"body\":\"Revenue rose 5% in 2023.\"}\n{\"title\":\"B\",\"body\":\"Costs fell 3%.\"}\n",
    )
    .unwrap();
    let out = dossier(&["facts", "--json", "news"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out), ["feed#1", "feed#2"]);
}

fn ids(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn files_that_would_share_an_id_keep_their_extension_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let item = |t: &str| {
        format!("<item><title>{t}</title><description>{t} text here.</description></item>")
    };
    std::fs::write(
        dir.path().join("feed.rss"),
        format!(
            "<rss version=\"2.0\"><channel><title>F</title>{}{}</channel></rss>",
            item("One"),
            item("Two")
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("feed.atom"),
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><title>Three</title>\
         <id>x</id><updated>2024-01-01T00:00:00Z</updated><content>Three text here.</content></entry></feed>",
    )
    .unwrap();
    std::fs::write(dir.path().join("e.txt"), "Plain\n\nA plain article.").unwrap();
    std::fs::write(dir.path().join("e.json"), r#"{"title":"Json","body":"A JSON article."}"#)
        .unwrap();
    std::fs::write(dir.path().join("solo.md"), "# Solo\n\nAlone with its name.").unwrap();
    let out = dossier(&["facts", "--json", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut got = ids(&out);
    got.sort();
    assert_eq!(got, ["e.json", "e.txt", "feed.atom#1", "feed.rss#1", "feed.rss#2", "solo"]);
}

#[test]
fn render_refuses_a_path_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["render", "--size", "60x10", "gone/away.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("gone/away.txt: cannot open"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn text_and_facts_on_a_folder_without_articles_say_so_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    for args in [&["text", "empty"][..], &["facts", "empty"], &["facts", "--json", "empty"]] {
        let out = dossier(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), "dossier: no articles found in empty\n", "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
    }
}

#[test]
fn the_facts_table_has_one_row_per_fact_and_quotes_beside_their_speaker() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Alibaba Cuts Jobs\n\nAlibaba said on Monday it would cut jobs. Analysts at Daiwa \
         expect Alibaba to save money. \"We are making the company leaner and faster,\" \
         said Daniel Zhang, the chairman of Alibaba.",
    )
    .unwrap();
    let out = dossier(&["facts", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    let alibaba: Vec<&str> =
        table.lines().filter(|l| l.trim_start().starts_with("Alibaba")).collect();
    assert_eq!(alibaba.len(), 1, "one row:\n{table}");
    assert!(alibaba[0].trim_start().starts_with("Alibaba ×4"), "{table}");
    let quote = table.lines().find(|l| l.contains("leaner")).unwrap();
    assert!(quote.trim_start().starts_with('“'), "{table}");
    assert!(quote.trim_end().ends_with("  Daniel Zhang"), "{table}");
}

#[test]
fn nearly_right_input_reads_json_summaries_and_keeps_markdown_lists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.json"),
        r#"{"articles":[{"title":"Port Deal","description":"The port signed a deal.","content":""},
            {"webTitle":"Rail Plan","fields":{"bodyText":"The rail plan passed."}}]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "# Shopping\n\nWhat to buy:\n\n- bread\n- milk\n- eggs\n\nThat is all.\n",
    )
    .unwrap();
    let out = dossier(&["text", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Port Deal\n\nThe port signed a deal.\n\x0c\nRail Plan\n\nThe rail plan passed.\n\x0c\n\
         Shopping\n\nWhat to buy:\n\n• bread\n• milk\n• eggs\n\nThat is all.\n"
    );
}
