//! A date fact's value (the normal form of `date.rs`: `last year`, `Q1`,
//! `Thursday`, `3 years ago`) resolved against the article's own date, for
//! the timeline of an entity's page. The value is language-blind already,
//! so one function serves every language the extractor reads.
//!
//! The rules, for an article dated D:
//! - a year, month or day the value names whole stays as it is (`2018`,
//!   `2024-03`, `Q2 2024` → `2024-Q2`); a month, day, quarter or half
//!   without a year takes D's year (`Q1` → `2023-Q1`, `March 5` → `2023-03-05`);
//! - a weekday is the nearest one on or before D (news tells what happened:
//!   `Thursday` in an article of Thursday 2023-11-16 is that day, in one of
//!   Friday the day before); `last Thursday` the one strictly before,
//!   `next Thursday` the one strictly after, `this Thursday` the one in D's
//!   week (weeks start on Monday);
//! - `last`/`this`/`next` year, quarter, month, week and day words step from
//!   D's own (`last year` → D's year − 1; `next month` → `2023-12`; a week
//!   is an ISO week, `2023-W45`); `3 years ago` steps back that much;
//!   `past 3 years`, `next 12 months`, `year to date` become a span
//!   `start/end` of days;
//! - a date relative to another time the text names (`a year earlier`,
//!   `two days later`), a vague count (`the past few weeks`) and a span
//!   without a count (`in recent years`) are left unresolved, with why.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// What a date value comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// A year `2022`, a quarter `2023-Q1`, a half `2023-H1`, a month
    /// `2023-12`, an ISO week `2023-W45`, a day `2023-11-16`, or a span of
    /// days `2020-11-16/2023-11-16`; `from` is its first day, to sort by.
    Resolved { value: String, from: NaiveDate },
    /// Why it could not be resolved.
    Unresolved(&'static str),
}

impl Resolution {
    /// The resolved value, if any.
    pub fn value(&self) -> Option<&str> {
        match self {
            Resolution::Resolved { value, .. } => Some(value),
            Resolution::Unresolved(_) => None,
        }
    }

    /// The first day the value covers, to order a timeline.
    pub fn from(&self) -> Option<NaiveDate> {
        match self {
            Resolution::Resolved { from, .. } => Some(*from),
            Resolution::Unresolved(_) => None,
        }
    }

    /// Why it could not be resolved, if it could not.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            Resolution::Resolved { .. } => None,
            Resolution::Unresolved(why) => Some(why),
        }
    }
}

pub const NO_DATE: &str = "the article has no date";
pub const BAD_DATE: &str = "the article's date could not be read";
const OTHER_TIME: &str = "relative to another time in the text, not to the article's date";
const VAGUE: &str = "a vague span";
const UNKNOWN: &str = "not a date this resolver reads";

/// Resolves a date fact's `value` against the article's date (`YYYY-MM-DD`
/// at its start, as `Document::date` holds it when the source's date could
/// be read).
pub fn resolve(value: &str, article_date: Option<&str>) -> Resolution {
    let value = value.trim();
    if let Some(r) = absolute(value) {
        return r;
    }
    let Some(date) = article_date else {
        return Resolution::Unresolved(NO_DATE);
    };
    let Some(d) = date.get(..10).and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()) else {
        return Resolution::Unresolved(BAD_DATE);
    };
    relative(&value.to_lowercase(), d)
}

/// A value that names its own year.
fn absolute(value: &str) -> Option<Resolution> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let year = |s: &str| (s.len() == 4 && digits(s)).then(|| s.parse::<i32>().ok()).flatten();
    if let Some(y) = year(value) {
        return Some(resolved(value.into(), ymd(y, 1, 1)?));
    }
    if let Ok(d) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Some(day(d));
    }
    if let Some((y, m)) = value.split_once('-')
        && let (Some(y), Ok(m)) = (year(y), m.parse::<u32>())
        && m.to_string().len() <= 2
    {
        return Some(month(ymd(y, m, 1)?));
    }
    let (period, y) = value.split_once(' ')?;
    let y = year(y)?;
    period_of(period, y)
}

/// `Q2`, `H1` (in upper or lower case) in year `y`.
fn period_of(period: &str, y: i32) -> Option<Resolution> {
    let mut chars = period.chars();
    let (kind, n) = (chars.next()?.to_ascii_uppercase(), chars.as_str().parse::<u32>().ok()?);
    match (kind, n) {
        ('Q', 1..=4) => Some(resolved(format!("{y}-Q{n}"), ymd(y, 3 * n - 2, 1)?)),
        ('H', 1..=2) => Some(resolved(format!("{y}-H{n}"), ymd(y, 6 * n - 5, 1)?)),
        _ => None,
    }
}

/// A lower-case relative value against the article's date `d`.
fn relative(value: &str, d: NaiveDate) -> Resolution {
    if let Some(r) = period_of(value, d.year()) {
        return r;
    }
    if let Some(r) = month_or_weekday(value, d) {
        return r;
    }
    if let Some(r) = fixed(value, d) {
        return r;
    }
    if let Some(r) = counted(value, d) {
        return r;
    }
    let other = ["earlier", "later", "before", "previous day", "afterwards"];
    if other.iter().any(|w| value.contains(w)) {
        return Resolution::Unresolved(OTHER_TIME);
    }
    if value.contains("few") || value.starts_with("past ") {
        return Resolution::Unresolved(VAGUE);
    }
    Resolution::Unresolved(UNKNOWN)
}

/// Whole-word relative dates: `yesterday`, `last year`, `this quarter`.
fn fixed(value: &str, d: NaiveDate) -> Option<Resolution> {
    let y = d.year();
    let q = d.month0() / 3;
    Some(match value {
        "today" | "this morning" | "tonight" | "end of day" => day(d),
        "yesterday" | "last night" => day(d.pred_opt()?),
        "tomorrow" => day(d.succ_opt()?),
        "last year" | "previous year" | "a year ago" => year(y - 1)?,
        "this year" | "early this year" => year(y)?,
        "next year" => year(y + 1)?,
        "end of year" => month(ymd(y, 12, 1)?),
        "end of last year" => month(ymd(y - 1, 12, 1)?),
        "last month" => month(first_of_month(d).checked_sub_months(Months::new(1))?),
        "this month" => month(first_of_month(d)),
        "next month" => month(first_of_month(d).checked_add_months(Months::new(1))?),
        "last week" => week(d.checked_sub_days(Days::new(7))?),
        "this week" => week(d),
        "next week" => week(d.checked_add_days(Days::new(7))?),
        "last quarter" | "previous quarter" | "latest quarter" => quarter(y, q, -1)?,
        "this quarter" => quarter(y, q, 0)?,
        "next quarter" => quarter(y, q, 1)?,
        "past year" => span(d.checked_sub_months(Months::new(12))?, d),
        "year to date" => span(ymd(y, 1, 1)?, d),
        _ => return None,
    })
}

/// `March`, `next March`, `March 5`, `Thursday`, `last Thursday`.
fn month_or_weekday(value: &str, d: NaiveDate) -> Option<Resolution> {
    let (step, name) = match value.split_once(' ') {
        Some((s @ ("last" | "next" | "this"), rest)) => (s, rest),
        _ => ("", value),
    };
    if let Ok(wd) = name.parse::<Weekday>()
        && name.len() > 3
    {
        return weekday(step, wd, d).map(day);
    }
    let (name, dom) = match name.split_once(' ') {
        Some((m, n)) => (m, Some(n.parse::<u32>().ok()?)),
        None => (name, None),
    };
    let m = MONTHS.iter().position(|&m| m == name)? as u32 + 1;
    let y = match step {
        "last" if m >= d.month() => d.year() - 1,
        "next" if m <= d.month() => d.year() + 1,
        _ => d.year(),
    };
    Some(match dom {
        Some(n) => day(ymd(y, m, n)?),
        None => month(ymd(y, m, 1)?),
    })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The weekday `wd` as `step` (`""`, `last`, `next`, `this`) places it from `d`.
fn weekday(step: &str, wd: Weekday, d: NaiveDate) -> Option<NaiveDate> {
    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    let back = u64::from(back);
    match step {
        "" => d.checked_sub_days(Days::new(back)),
        "last" => d.checked_sub_days(Days::new(if back == 0 { 7 } else { back })),
        "next" => d.checked_add_days(Days::new(if back == 0 { 7 } else { 7 - back })),
        _ => {
            let monday =
                d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))?;
            monday.checked_add_days(Days::new(u64::from(wd.num_days_from_monday())))
        }
    }
}

/// `3 years ago`, `past 3 years`, `next 12 months`, `first 9 months`.
fn counted(value: &str, d: NaiveDate) -> Option<Resolution> {
    let words: Vec<&str> = value.split_whitespace().collect();
    let (lead, n, unit) = match words.as_slice() {
        [n, unit, "ago"] => ("ago", *n, *unit),
        [lead @ ("past" | "next" | "first"), n, unit] => (*lead, *n, *unit),
        _ => return None,
    };
    let n: u32 = n.parse().ok()?;
    let unit = unit.trim_end_matches('s');
    let back = |n: u32| step_back(d, n, unit);
    Some(match lead {
        "ago" => match unit {
            "year" => year(d.year() - i32::try_from(n).ok()?)?,
            "month" => month(first_of_month(back(n)?)),
            "week" => week(back(n)?),
            "day" => day(back(n)?),
            "decade" => year(d.year() - 10 * i32::try_from(n).ok()?)?,
            _ => return None,
        },
        "past" => span(back(n)?, d),
        "next" => span(d, step_forward(d, n, unit)?),
        _ if unit == "month" && (1..=12).contains(&n) => {
            let start = ymd(d.year(), 1, 1)?;
            let end = ymd(d.year(), n, 1)?;
            resolved(format!("{}/{}", start.format("%Y-%m"), end.format("%Y-%m")), start)
        }
        _ => return None,
    })
}

fn step_back(d: NaiveDate, n: u32, unit: &str) -> Option<NaiveDate> {
    match unit {
        "year" => d.checked_sub_months(Months::new(12 * n)),
        "decade" => d.checked_sub_months(Months::new(120 * n)),
        "quarter" => d.checked_sub_months(Months::new(3 * n)),
        "month" => d.checked_sub_months(Months::new(n)),
        "week" => d.checked_sub_days(Days::new(7 * u64::from(n))),
        "day" => d.checked_sub_days(Days::new(u64::from(n))),
        _ => None,
    }
}

fn step_forward(d: NaiveDate, n: u32, unit: &str) -> Option<NaiveDate> {
    match unit {
        "year" => d.checked_add_months(Months::new(12 * n)),
        "decade" => d.checked_add_months(Months::new(120 * n)),
        "quarter" => d.checked_add_months(Months::new(3 * n)),
        "month" => d.checked_add_months(Months::new(n)),
        "week" => d.checked_add_days(Days::new(7 * u64::from(n))),
        "day" => d.checked_add_days(Days::new(u64::from(n))),
        _ => None,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn resolved(value: String, from: NaiveDate) -> Resolution {
    Resolution::Resolved { value, from }
}

fn year(y: i32) -> Option<Resolution> {
    Some(resolved(y.to_string(), ymd(y, 1, 1)?))
}

fn month(first: NaiveDate) -> Resolution {
    resolved(first.format("%Y-%m").to_string(), first)
}

fn day(d: NaiveDate) -> Resolution {
    resolved(d.format("%Y-%m-%d").to_string(), d)
}

fn week(d: NaiveDate) -> Resolution {
    let w = d.iso_week();
    let monday = NaiveDate::from_isoywd_opt(w.year(), w.week(), Weekday::Mon).unwrap_or(d);
    resolved(format!("{}-W{:02}", w.year(), w.week()), monday)
}

/// Quarter `q` (0-based) of year `y`, stepped by `by` quarters.
fn quarter(y: i32, q: u32, by: i32) -> Option<Resolution> {
    let at = y * 4 + i32::try_from(q).ok()? + by;
    let (y, q) = (at.div_euclid(4), at.rem_euclid(4) as u32);
    Some(resolved(format!("{y}-Q{}", q + 1), ymd(y, 3 * q + 1, 1)?))
}

fn span(from: NaiveDate, to: NaiveDate) -> Resolution {
    resolved(format!("{}/{}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d")), from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::facts::{Extractor, Kind};
    use crate::text::DocId;

    const THU: Option<&str> = Some("2023-11-16");

    #[test]
    fn values_against_a_thursday() {
        for (value, want) in [
            ("last year", "2022"),
            ("Thursday", "2023-11-16"),
            ("Friday", "2023-11-10"),
            ("Monday", "2023-11-13"),
            ("last Thursday", "2023-11-09"),
            ("next Thursday", "2023-11-23"),
            ("this Friday", "2023-11-17"),
            ("Q1", "2023-Q1"),
            ("H2", "2023-H2"),
            ("Q2 2024", "2024-Q2"),
            ("2018", "2018"),
            ("2024-03", "2024-03"),
            ("2024-03-05", "2024-03-05"),
            ("March", "2023-03"),
            ("March 5", "2023-03-05"),
            ("next March", "2024-03"),
            ("last December", "2022-12"),
            ("next month", "2023-12"),
            ("last month", "2023-10"),
            ("yesterday", "2023-11-15"),
            ("tomorrow", "2023-11-17"),
            ("last week", "2023-W45"),
            ("this quarter", "2023-Q4"),
            ("next quarter", "2024-Q1"),
            ("last quarter", "2023-Q3"),
            ("3 years ago", "2020"),
            ("2 months ago", "2023-09"),
            ("past 3 years", "2020-11-16/2023-11-16"),
            ("next 12 months", "2023-11-16/2024-11-16"),
            ("first 9 months", "2023-01/2023-09"),
            ("year to date", "2023-01-01/2023-11-16"),
            ("end of year", "2023-12"),
        ] {
            assert_eq!(resolve(value, THU).value(), Some(want), "{value}");
        }
    }

    #[test]
    fn what_cannot_be_resolved_says_why() {
        assert_eq!(resolve("last year", None), Resolution::Unresolved(NO_DATE));
        assert_eq!(resolve("Q1", Some("16 Nov 2023")), Resolution::Unresolved(BAD_DATE));
        assert_eq!(resolve("a year earlier", THU), Resolution::Unresolved(OTHER_TIME));
        assert_eq!(resolve("3 days later", THU), Resolution::Unresolved(OTHER_TIME));
        assert_eq!(resolve("past years", THU), Resolution::Unresolved(VAGUE));
        assert_eq!(resolve("fiscal year", THU), Resolution::Unresolved(UNKNOWN));
        // A year stands without the article's date.
        assert_eq!(resolve("2018", None).value(), Some("2018"));
    }

    #[test]
    fn quarters_cross_the_year() {
        assert_eq!(resolve("last quarter", Some("2024-02-01")).value(), Some("2023-Q4"));
        assert_eq!(resolve("next quarter", Some("2023-12-31")).value(), Some("2024-Q1"));
        assert_eq!(resolve("last week", Some("2024-01-02")).value(), Some("2023-W52"));
    }

    /// The words of several languages, through the extractor, then resolved
    /// against an article of Thursday 2023-11-16.
    #[test]
    fn words_in_several_languages() {
        let extractor = Extractor::new();
        for (text, want) in [
            ("Shares fell last year, the report said.", "2022"),
            ("The company said on Thursday that sales rose.", "2023-11-16"),
            ("Revenue rose in the first quarter, it said.", "2023-Q1"),
            ("Die Aktie fiel im Vorjahr deutlich.", "2022"),
            ("Das Unternehmen sagte am vergangenen Donnerstag etwas.", "2023-11-09"),
            ("Vor drei Jahren war die Firma klein.", "2020"),
            ("Gestern sprach der Chef mit den Anlegern.", "2023-11-15"),
            ("Vorig jaar daalde de omzet van het bedrijf.", "2022"),
            ("Volgende maand komt het bedrijf met cijfers.", "2023-12"),
            ("Het bedrijf zei vorige donderdag dat de omzet steeg.", "2023-11-09"),
            ("Doanh thu của công ty tăng mạnh năm ngoái.", "2022"),
            ("Hôm qua giám đốc điều hành đã phát biểu.", "2023-11-15"),
            ("Công ty báo cáo doanh thu trong quý 1 tăng.", "2023-Q1"),
        ] {
            let raw = format!("Headline of the day\n\n{text}");
            let doc = Document::from_text(DocId(0), "a".into(), "a.txt".into(), &raw);
            let facts = extractor.extract(&doc);
            let date = facts.iter().find(|f| f.kind == Kind::Date);
            let date = date.unwrap_or_else(|| panic!("no date in {text:?}: {facts:?}"));
            assert_eq!(resolve(&date.value_text(), THU).value(), Some(want), "{text}");
        }
    }
}
