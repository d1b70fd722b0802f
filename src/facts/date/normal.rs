//! Normal forms of date values: `2024-03-05`, `2024-03`, `March 5`,
//! `Q2 2024`, `FY2024` (see `date.rs`).

use crate::facts::scan::Group as Match;

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// `2024年3月5日`, `2024年3月`, `2024年`, `3月5日`.
pub fn cjk_date(
    year: Option<Match<'_>>,
    month: Option<Match<'_>>,
    day: Option<Match<'_>>,
) -> Option<String> {
    match (year, num(month), num(day)) {
        (Some(y), Some(m), Some(d)) => ymd(y.as_str(), m, d),
        (Some(y), Some(m), None) => Some(format!("{}-{m:02}", y.as_str())),
        (Some(y), None, _) => Some(y.as_str().to_string()),
        (None, Some(m), Some(d)) => day_month(None, m, d),
        _ => None,
    }
}

pub fn num(m: Option<Match<'_>>) -> Option<u32> {
    m?.as_str().parse().ok()
}

pub fn month_number(n: u32) -> Option<String> {
    MONTHS.get(usize::try_from(n).ok()?.checked_sub(1)?).map(|m| (*m).to_string())
}

pub fn month_index(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// `2024-03-05`, or `None` for a day the calendar does not have
/// (`31. Februar 2024`, `29/2/2023`: not a date at all).
pub fn ymd(year: &str, month: u32, day: u32) -> Option<String> {
    let y: u32 = year.parse().ok()?;
    (day >= 1 && day <= days_in(month, Some(y))).then(|| format!("{year}-{month:02}-{day:02}"))
}

/// `March 5` without a year (February may have 29 days), or with one.
pub fn day_month(year: Option<Match<'_>>, month: u32, day: u32) -> Option<String> {
    match year {
        Some(y) => ymd(y.as_str(), month, day),
        None => (day >= 1 && day <= days_in(month, None))
            .then(|| format!("{} {day}", month_number(month).unwrap_or_default())),
    }
}

/// Days in `month` (1–12; 0 for any other) of `year`, or of a leap year
/// when the year is not known.
fn days_in(month: u32, year: Option<u32>) -> u32 {
    let leap = year.is_none_or(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn month_year(year: Option<Match<'_>>, month: &str) -> String {
    match (year, month_index(month)) {
        (Some(y), Some(i)) => format!("{}-{i:02}", y.as_str()),
        _ => month.to_string(),
    }
}

pub fn with_year(period: String, year: Option<Match<'_>>) -> String {
    match year {
        Some(y) => format!("{period} {}", full_year(y.as_str())),
        None => period,
    }
}

/// `'24` and `24` → `2024`.
pub fn full_year(y: &str) -> String {
    let digits = y.trim_start_matches(['\'', '’']);
    if digits.len() == 2 { format!("20{digits}") } else { digits.to_string() }
}
