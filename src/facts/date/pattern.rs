//! The one date regex: every shape of date as a named alternative, in the
//! order the leftmost-first engine should prefer them when two start at
//! the same place (a month with its year before a month alone).

use super::super::number::{Lexicon, alternation_ci};
use super::lexicon::{File, exact_words_of, list, words_of};

/// Years 1900–2100.
pub const YEAR: &str = "(?:19[0-9]{2}|20[0-9]{2}|2100)";
/// Years 1500–1899: only after a preposition (`in 1889`), or in a range.
const OLD_YEAR: &str = "1[5-8][0-9]{2}";
/// An hour and its minutes.
const HOUR: &str = "(?:[01]?[0-9]|2[0-3])";
const MINUTES: &str = "[0-5][0-9]";
const S: &str = r"[ \u{a0}]";

/// Every date shape, in order of preference; the templates (`templates`,
/// in that order) come last but [`TEMPLATES_FROM_END`]. Group names are read by `date.rs` and
/// are unique across shapes, so that all of them can be joined into one
/// regex.
pub fn build(f: &File, templates: &[(String, String)]) -> Vec<String> {
    let keep = list(&f.cues.keep);
    let drop = list(&f.cues.drop);
    let months = words_of(&f.months);
    let any_month = format!("{months}|{}", words_of(&f.month_abbreviations));
    let vi_months = exact_words_of(&f.vi_months);
    let rel_before = alternation_ci(f.relative_words.before.keys().map(String::as_str));
    let rel_after = alternation_ci(f.relative_words.after.keys().map(String::as_str));
    let shapes = [
        format!("(?P<iso>(?P<iy>{YEAR})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9]))"),
        // A preposition or hedge before a range is not part of it, but
        // must not let a bare year take the range's first half.
        format!(
            "(?:(?i:{drop}|{}){S})?(?P<yr>(?P<yr1>{YEAR}|{OLD_YEAR}){S}?[-–]{S}?(?P<yr2>{YEAR}|{OLD_YEAR}))",
            list(&f.cues.hedges)
        ),
        format!(
            "(?P<num>(?:(?i:ngày){S})?(?P<nd>[0-3]?[0-9])[./](?P<nm>[0-3]?[0-9])[./](?P<ny>{YEAR}))"
        ),
        // `ngày 5/3`, and with a part of the day instead (`sáng 12/4`).
        format!(
            "(?P<vdm>(?i:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng sáng){S}(?P<vdd>[0-3]?[0-9])/(?P<vdmm>1[0-2]|0?[1-9]))"
        ),
        format!(
            "(?P<viday>(?i:ngày){S}(?P<vd>[0-3]?[0-9]){S}(?i:tháng){S}(?P<vm>1[0-2]|0?[1-9])(?:{S}(?i:năm){S}(?P<vy>{YEAR}))?)"
        ),
        format!(
            "(?P<vimon>(?:(?i:vào|hồi){S})?(?i:tháng){S}?(?:(?P<vm2>1[0-2]|0?[1-9])|(?P<vmw>{vi_months}))(?:(?:/|{S}(?i:năm){S})(?P<vy2>{YEAR}))?)"
        ),
        format!(
            "(?P<dm>(?P<dmd>[0-3]?[0-9])(?:\\.|(?i:er|st|nd|rd|th))?{S}(?:(?i:de){S})?(?P<dmm>(?i:{any_month}))(?:,?{S}(?:(?i:de|del){S})?(?P<dmy>{YEAR}))?)"
        ),
        format!(
            "(?P<my>(?:(?P<myk>(?i:{keep})){S}|(?i:{drop}){S})?(?P<mym>(?i:{any_month})),?{S}(?:(?i:de|del|of|năm){S})?(?P<myy>{YEAR}))"
        ),
        format!(
            "(?P<md>(?:(?P<mdk>(?i:{keep})){S}|(?i:{drop}){S})?(?P<mdm>(?i:{any_month})){S}(?P<mdd>[0-3]?[0-9])(?i:st|nd|rd|th)?(?:,?{S}(?P<mdy>{YEAR}))?)"
        ),
        format!(
            "(?P<cm>(?:(?P<cmk>(?i:{keep}))|(?P<cmr>(?i:{rel_before}))|(?i:{drop})){S}(?P<cmm>(?i:{months}))(?:{S}(?P<cma>(?i:{rel_after})))?)"
        ),
        format!("(?P<mr>(?P<mrm>(?i:{months})){S}(?P<mra>(?i:{rel_after})))"),
        weekday(f),
        format!(
            "(?P<qc>Q(?P<qcn>[1-4])(?:[ /-]?(?P<qcy>{YEAR}|'[0-9]{{2}}))?|(?P<qcn2>[1-4])Q(?P<qcy2>[0-9]{{2}}))"
        ),
        format!("(?P<hc>H(?P<hcn>[12])[ /-]?(?P<hcy>{YEAR}|'[0-9]{{2}}))"),
        format!(
            "(?P<fy>FY{S}?'?(?P<fyy>{YEAR}|[0-9]{{2}})|(?i:{}){S}(?P<fyy2>{YEAR}))",
            list(&f.periods.fiscal_year_prefix)
        ),
        format!(
            "(?P<py>(?P<pyw>(?i:{})){S}?(?P<pyy>{YEAR}))",
            alternation_ci(f.positions.keys().map(String::as_str))
        ),
        period(f),
        format!(
            "(?P<vq>(?i:quý){S}(?P<vqn>[1-4]|IV|III|II|I)(?:(?:/|{S}(?i:năm){S})(?P<vqy>{YEAR}))?)"
        ),
        "(?P<zq>第?(?P<zqn>[一二三四1-4])季度)".to_string(),
        format!(
            "(?P<zd>(?P<zy>{YEAR})年(?:(?P<zm>1[0-2]|0?[1-9])月(?:(?P<zdd>[0-3]?[0-9])日)?)?|(?P<zm2>1[0-2]|0?[1-9])月(?P<zdd2>[0-3]?[0-9])日)"
        ),
    ];
    let mut shapes = shapes.to_vec();
    shapes.extend([decade(f), century(f), holiday(f)]);
    shapes.extend(templates.iter().map(|(p, _)| p.clone()));
    shapes.extend([
        format!("(?P<rel>(?i:{}))", alternation_ci(f.relative.keys().map(String::as_str))),
        format!("(?P<fis>(?i:{}))(?:{S}(?P<fisy>{YEAR}))?", list(&f.periods.fiscal)),
        format!("(?P<yw>(?i:{})){S}(?P<ywy>{YEAR})", list(&f.cues.year_words)),
        format!(
            "(?:(?P<ybh>(?i:{})){S}|(?P<ybc>(?i:{drop})){S})?(?P<yb>{YEAR})",
            list(&f.cues.hedges)
        ),
        format!("(?P<ybo>(?i:{drop})){S}(?P<ybon>{OLD_YEAR})"),
        time(f),
    ]);
    shapes
}

/// How many shapes follow the templates in [`build`].
pub const TEMPLATES_FROM_END: usize = 6;

/// A weekday, with a relative word (`last Saturday`, `sábado pasado`) or
/// a day and month after it (`nesta terça-feira (16/07)`).
fn weekday(f: &File) -> String {
    let rel_before = alternation_ci(f.relative_words.before.keys().map(String::as_str));
    let rel_after = alternation_ci(f.relative_words.after.keys().map(String::as_str));
    let parts = list(&f.times.weekday_parts);
    let parts_before = list(&f.times.weekday_parts_before);
    format!(
        "(?P<wd>(?:(?:(?P<wdr>(?i:{rel_before}))|(?i:am|on|op|el|le|ce|w|we|v|ve|na|no|vào)){S})?(?:(?:(?i:vào){S})?(?i:{parts_before}){S})?(?:(?P<wdw>(?i:{})|{}))\
         (?:{S}(?P<wda>(?i:{rel_after})))?(?:{S}(?i:{parts}))?\
         (?:(?:,{S}|{S}\\(|{S}-{S}|,{S}(?i:dia|den|le|el){S})(?P<wdd>[0-3]?[0-9])[/.](?P<wdm>1[0-2]|0?[1-9])(?:[/.](?P<wdy>{YEAR}))?(?P<wdc>\\))?)?)",
        words_of(&f.weekdays),
        exact_words_of(&f.weekdays_exact)
    )
}

/// Decades in digits or words, in each language's way (see `dates.toml`).
fn decade(f: &File) -> String {
    let d = &f.decades;
    let (articles, lead, after) = (list(&d.articles), list(&d.lead), list(&d.after));
    let words = words_of(&d.words);
    let years = list(&d.years_after);
    let num = "(?:1[0-9]|20)?[0-9]0";
    format!(
        "(?P<dec>(?:\
         (?:(?i:{articles}){S}|(?i:the{S}(?:early|late|mid)-))?['’]?(?P<decn1>{num})['’]?s\
         |(?:(?i:{articles}){S})?(?P<decn2>{num})(?i:{after})\
         |(?i:{lead}){S}['’]?(?P<decn3>{num})\\.?\
         |(?P<decn4>{num})\\.{S}(?i:{years})\
         |(?i:{articles}|{lead}){S}(?P<decw1>(?i:{words}))(?:-?(?i:jahren|jahre)|n)?\
         |(?P<decw2>(?i:{words}))-?(?i:jahren|jahre)\
         |(?P<decw3>(?i:{words})){S}(?i:{years}))\
         (?:{S}(?i:{}))?)",
        list(&d.century_after)
    )
}

/// `the 19th century`, `19. Jahrhundert`, `XIXe siècle`, `siglo XIX`.
fn century(f: &File) -> String {
    let (after, before) = (list(&f.centuries.after), list(&f.centuries.before));
    format!(
        "(?P<cen>(?:(?i:the){S})?(?P<cenn>[12]?[0-9])(?i:st|nd|rd|th|\\.|e|ème){S}(?i:{after})\
         |(?P<cenr>[IVX]{{1,5}})(?i:e|ème|\\.)?{S}(?i:{after})\
         |(?i:{before}){S}(?P<cenb>[IVX]{{1,5}}|[12]?[0-9]))"
    )
}

/// Holidays, case as written.
fn holiday(f: &File) -> String {
    format!("(?P<hol>{})", exact_words_of(&f.holidays))
}

/// A time of day: a strong mark (`14.30 Uhr`, `2:30 p.m.`), a weak one
/// (`9 giờ`, `7 uur`) or minutes (`14h30`, `9:30`), or a part of the day
/// (`7 rano`); `date.rs` decides which need a lead word.
fn time(f: &File) -> String {
    let t = &f.times;
    let (lead, marks, weak, parts) = (list(&t.lead), list(&t.marks), list(&t.weak), list(&t.parts));
    // Each branch needs a mark, minutes or a part of the day: a bare number
    // must not reach the reader (it would at every digit of the text).
    format!(
        "(?P<tm>(?:(?P<tml>(?i:{lead})){S})?(?P<th>{HOUR})(?:\
         (?P<tsep>[:.h])(?P<tmin>{MINUTES})(?:{S}?(?P<tmk>(?i:{marks}|am|pm)))?\
         |{S}?(?P<tmk2>(?i:{marks}|am|pm))\
         |{S}?(?P<tmw>(?i:{weak}))(?:{S}(?P<tmin2>{MINUTES})(?:{S}(?i:phút))?)?)\
         (?:{S}(?P<tmp>(?i:{parts})))?\
         |(?:(?P<tml2>(?i:{lead})){S})?(?P<th2>{HOUR}){S}(?P<tmp2>(?i:{parts})))"
    )
}

/// `het tweede kwartaal`, `im ersten Halbjahr 2024`, `the third quarter of 2023`.
fn period(f: &File) -> String {
    let ordinals = alternation_ci(f.ordinals.keys().map(String::as_str));
    let quarter = list(&f.periods.quarter);
    let half = list(&f.periods.half);
    format!(
        "(?P<op>(?:(?i:{}){S})?(?P<opo>(?i:{ordinals})){S}(?:(?P<opq>(?i:{quarter}))|(?P<oph>(?i:{half})))(?:{S}(?:(?i:of|van|des|de|del|do|năm){S})?(?P<opy>{YEAR}))?)",
        list(&f.periods.articles)
    )
}

/// The templates of the TOML, merged where they differ only in the words
/// around one count and unit (`the past {n} {unit}`, `den vergangenen {n}
/// {unit}` → `(?:the past|den vergangenen) {n} {unit}`, one value): every
/// copy of the count and unit alternations costs thousands of NFA states,
/// and so `Extractor::new` time. Each as `(?P<tI>…)`, its `{n}` and
/// `{unit}` as groups `tInK` and `tIuK` (a template may hold either twice),
/// `{units}` (plural units only) as `tIp0`; returned with its value.
pub fn templates(f: &File, lex: &Lexicon) -> Vec<(String, String)> {
    // `the next 12 to 18 months`: a range of counts, in digits only (the
    // words twice over would double this large regex); or a vague count.
    let few = list(&f.vague.few);
    let numbers = format!(
        "[0-9]+(?:(?:[-–]|{S}(?:to|bis|tot|à|a|đến|až|até){S})[0-9]+)?|{few}|{}",
        lex.word_or_article_pattern()
    );
    let units = alternation_ci(f.units.values().flatten().map(String::as_str));
    let plural = alternation_ci(f.units_plural.values().flatten().map(String::as_str));
    let mut out = Vec::new();
    for (i, (pattern, value)) in merged(f).into_iter().enumerate() {
        let mut p = pattern.replace(' ', S);
        for k in 0.. {
            if !p.contains("{n}") {
                break;
            }
            p = p.replacen("{n}", &format!("(?P<t{i}n{k}>{numbers})"), 1);
        }
        for k in 0.. {
            if !p.contains("{unit}") {
                break;
            }
            p = p.replacen("{unit}", &format!("(?P<t{i}u{k}>{units})"), 1);
        }
        // `{units}`: plurals only, for spans that may have no count.
        p = p.replace("{units}", &format!("(?P<t{i}p0>{plural})"));
        out.push((format!("(?P<t{i}>(?i:{p}))"), value));
    }
    out
}

/// The shapes templates share: words before `{n} {unit}`, words after it,
/// or words before an optional count and a plural unit.
const BEFORE: &str = " {n} {unit}";
const AFTER: &str = "{n} {unit} ";
const OPTIONAL: &str = " (?:{n} )?{units}";

/// The TOML templates grouped by shape and value, in order of first
/// appearance; a template of another shape stays alone.
fn merged(f: &File) -> Vec<(String, String)> {
    let mut groups: Vec<(u8, String, Vec<String>)> = Vec::new();
    for t in &f.template {
        let (p, v) = (t.pattern.as_str(), &t.value);
        let once = p.matches("{n}").count() <= 1;
        let (shape, words) = match () {
            () if once && p.ends_with(BEFORE) => (1, p.strip_suffix(BEFORE)),
            () if once && p.starts_with(AFTER) => (2, p.strip_prefix(AFTER)),
            () if p.ends_with(OPTIONAL) => (3, p.strip_suffix(OPTIONAL)),
            () => (0, Some(p)),
        };
        let words = words.unwrap_or(p).to_string();
        match groups.iter_mut().find(|(s, value, _)| shape != 0 && *s == shape && value == v) {
            Some((_, _, all)) => all.push(words),
            None => groups.push((shape, v.clone(), vec![words])),
        }
    }
    groups
        .into_iter()
        .map(|(shape, value, words)| {
            let any = format!("(?:{})", words.join("|"));
            let pattern = match shape {
                1 => format!("{any}{BEFORE}"),
                2 => format!("{AFTER}{any}"),
                3 => format!("{any}{OPTIONAL}"),
                _ => words.concat(),
            };
            (pattern, value)
        })
        .collect()
}
