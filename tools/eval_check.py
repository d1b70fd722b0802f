#!/usr/bin/env python3
"""Check the evaluation set under tests/eval/ before anything is scored on it.

usage: eval_check.py [ROOT]        (ROOT defaults to tests/eval beside this tool)

For every language folder ROOT/<lang>/ holding a gold.jsonl it checks that
- every line is a JSON object with id, path, lang, title, split and facts;
- the id is the file stem of path, the path names a file of that folder, the
  lang is the folder's name, the title is the article's first line, and the
  split is "dev" for odd article numbers and "test" for even ones;
- every article (*.txt) of the folder has exactly one gold line;
- every fact has a known kind and a well-formed value (money: a number and an
  ISO 4217 code; percent: a number, max above it; date, person, org, place: a
  non-empty string; quote: four words or more and a speaker key, a name or
  null), and no extra or missing keys;
- every text occurs in its article as a whole word, and no text is listed
  twice for one kind of one article (case-insensitively);
- every quote speaker is the value of a person of the same article.

Prints one line per problem and exits 1 if there is any; prints a summary and
exits 0 otherwise.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

KINDS = ("money", "percent", "date", "person", "org", "place", "quote")
KEYS = {
    "money": {"kind", "text", "value", "currency"},
    "percent": {"kind", "text", "value"},
    "date": {"kind", "text", "value"},
    "person": {"kind", "text", "value"},
    "org": {"kind", "text", "value"},
    "place": {"kind", "text", "value"},
    "quote": {"kind", "text", "speaker"},
}
OPTIONAL = {"percent": {"max"}, "person": {"role", "org"}, "money": {"max"}}
DOC_KEYS = {"id", "path", "lang", "title", "split", "facts"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def whole_word(text, article):
    """The text occurs in the article with no word character glued to either end."""
    pattern = r"(?<!\w)" + re.escape(text) + r"(?!\w)"
    return re.search(pattern, article) is not None


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def fact_problems(fact, article):
    kind = fact.get("kind")
    if kind not in KINDS:
        return [f"unknown kind {kind!r}"]
    problems = []
    keys = set(fact)
    missing = KEYS[kind] - keys
    extra = keys - KEYS[kind] - OPTIONAL.get(kind, set())
    if missing:
        problems.append(f"{kind} misses {sorted(missing)}")
    if extra:
        problems.append(f"{kind} has unexpected {sorted(extra)}")
    text = fact.get("text")
    if not isinstance(text, str) or not text.strip():
        return problems + [f"{kind} has no text"]
    if text != text.strip():
        problems.append(f"{kind} text {text!r} has white space at an end")
    if not whole_word(nfc(text), article):
        problems.append(f"{kind} text {text!r} is not a whole word of the article")
    value = fact.get("value")
    if kind in ("money", "percent"):
        if not is_number(value):
            problems.append(f"{kind} {text!r} value {value!r} is not a number")
        if "max" in fact and not (is_number(fact["max"]) and is_number(value) and fact["max"] > value):
            problems.append(f"{kind} {text!r} max {fact['max']!r} is not a number above the value")
    if kind == "money" and not re.fullmatch(r"[A-Z]{3}", str(fact.get("currency", ""))):
        problems.append(f"money {text!r} currency {fact.get('currency')!r} is not an ISO 4217 code")
    if kind in ("date", "person", "org", "place") and not (isinstance(value, str) and value.strip()):
        problems.append(f"{kind} {text!r} value {value!r} is not a name")
    for key in ("role", "org"):
        if key in fact and not (isinstance(fact[key], str) and fact[key].strip()):
            problems.append(f"person {text!r} {key} {fact[key]!r} is empty")
    if kind == "quote":
        if len(text.split()) < 4:
            problems.append(f"quote {text!r} has fewer than four words")
        speaker = fact.get("speaker")
        if speaker is not None and not (isinstance(speaker, str) and speaker.strip()):
            problems.append(f"quote {text!r} speaker {speaker!r} is neither a name nor null")
    return problems


def doc_problems(doc, folder):
    """Problems of one gold line; the article is read from the folder."""
    missing = DOC_KEYS - set(doc)
    if missing:
        return [f"misses {sorted(missing)}"]
    problems = []
    path = Path(doc["path"])
    if doc["id"] != path.stem:
        problems.append(f"id {doc['id']!r} is not the stem of {doc['path']!r}")
    if path.parent.name != folder.name or path.suffix != ".txt":
        problems.append(f"path {doc['path']!r} is not a .txt of {folder.name}/")
    if doc["lang"] != folder.name:
        problems.append(f"lang {doc['lang']!r} is not the folder {folder.name!r}")
    number = re.match(r"(\d{2})_", path.name)
    if not number:
        problems.append(f"{path.name} does not start with NN_")
    elif doc["split"] != ("dev" if int(number.group(1)) % 2 else "test"):
        problems.append(f"split {doc['split']!r} is wrong for {path.name} (odd NN are dev, even test)")
    file = folder / path.name
    if not file.is_file():
        return problems + [f"no file {file}"]
    article = nfc(file.read_text(encoding="utf-8"))
    if doc["title"] != article.split("\n", 1)[0]:
        problems.append("title is not the article's first line")
    facts = doc["facts"]
    if not isinstance(facts, list) or not facts:
        return problems + ["has no facts"]
    seen = set()
    people = {f.get("value") for f in facts if f.get("kind") == "person"}
    for fact in facts:
        problems += fact_problems(fact, article)
        key = (fact.get("kind"), nfc(str(fact.get("text", ""))).casefold())
        if key in seen:
            problems.append(f"{key[0]} text {fact.get('text')!r} is listed twice")
        seen.add(key)
        speaker = fact.get("speaker")
        if fact.get("kind") == "quote" and speaker is not None and speaker not in people:
            problems.append(f"quote speaker {speaker!r} is not the value of a person of the article")
    return problems


def check_folder(folder):
    """(problems, articles, facts) of one language folder."""
    problems, ids, n_facts = [], [], 0
    gold = folder / "gold.jsonl"
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{gold}:{n}"
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON: {e}")
            continue
        if not isinstance(doc, dict):
            problems.append(f"{where}: not an object")
            continue
        ids.append(doc.get("id"))
        n_facts += len(doc.get("facts") or [])
        problems += [f"{where} ({doc.get('id')}): {p}" for p in doc_problems(doc, folder)]
    for stem in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"{gold}: id {stem!r} has more than one line")
    for txt in sorted(folder.glob("*.txt")):
        if txt.stem not in ids:
            problems.append(f"{txt}: no gold line")
    return problems, len(ids), n_facts


def main(argv):
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "tests" / "eval"
    folders = sorted(p.parent for p in root.glob("*/gold.jsonl"))
    if not folders:
        sys.exit(f"no <lang>/gold.jsonl under {root}")
    all_problems, summary = [], []
    for folder in folders:
        problems, articles, facts = check_folder(folder)
        all_problems += problems
        summary.append(f"{folder.name}: {articles} articles, {facts} facts")
    for p in all_problems:
        print(p)
    if all_problems:
        print(f"{len(all_problems)} problem(s)")
        return 1
    print("; ".join(summary) + " — all well formed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
