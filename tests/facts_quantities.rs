//! Table tests for money, percentages and dates, per language, in an
//! inline notation: `[money:2,6 tỷ USD=2600000000 USD]` marks the expected
//! fact of that kind and, after `=`, its value (money: amount and currency;
//! ranges `30..50`). The marks are stripped, the extractor runs on the
//! plain sentence, and the facts of the kinds under test must be exactly
//! the marked ones. A case without marks is a negative: nothing may be found.

use std::sync::LazyLock;

use dossier::facts::{Extractor, Field, Input, Kind, Value, format_number};
use dossier::text::Lang;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// One expected fact: kind, mention, and the value as written after `=`.
#[derive(Debug, PartialEq)]
struct Mark {
    kind: Kind,
    text: String,
    value: Option<String>,
}

/// Strips the marks of `case`: the plain sentence and the expected facts.
fn parse(case: &str) -> (String, Vec<Mark>) {
    let mut plain = String::new();
    let mut marks = Vec::new();
    let mut rest = case;
    while let Some(open) = rest.find('[') {
        let (before, after) = rest.split_at(open);
        plain.push_str(before);
        let inner_end = after.find(']').expect("a mark closes");
        let inner = after.get(1..inner_end).expect("mark");
        let kind = Kind::ALL.into_iter().find(|k| inner.starts_with(&format!("{}:", k.name())));
        match kind {
            Some(kind) => {
                let body = inner.get(kind.name().len() + 1..).expect("mark body");
                let (text, value) = match body.split_once('=') {
                    Some((t, v)) => (t, Some(v.to_string())),
                    None => (body, None),
                };
                plain.push_str(text);
                marks.push(Mark { kind, text: text.to_string(), value });
            }
            None => plain.push_str(after.get(..=inner_end).expect("bracket")),
        }
        rest = after.get(inner_end + 1..).expect("rest");
    }
    plain.push_str(rest);
    (plain, marks)
}

/// The value of a fact in the notation of the marks.
fn written(f: &dossier::facts::Fact) -> String {
    let mut v = match &f.value {
        Value::Number(n) => format_number(*n),
        Value::Text(t) => t.clone(),
        Value::None => String::new(),
    };
    if let Some(max) = f.max {
        v = format!("{v}..{}", format_number(max));
    }
    if let Some(c) = &f.currency {
        v = format!("{v} {c}");
    }
    v
}

fn check(lang: &str, kind: Kind, cases: &[&str]) {
    let lang = Lang::from_static(Box::leak(lang.to_string().into_boxed_str()));
    let mut failures = Vec::new();
    for case in cases {
        let (plain, marks) = parse(case);
        let found: Vec<Mark> = EXTRACTOR
            .extract_text(Input { text: &plain, lang, field: Field::Body })
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| Mark { kind, text: f.span.get(&plain).to_string(), value: Some(written(f)) })
            .collect();
        let expected: Vec<&Mark> = marks.iter().filter(|m| m.kind == kind).collect();
        let same = found.len() == expected.len()
            && expected.iter().zip(&found).all(|(e, f)| {
                e.text == f.text && e.value.as_ref().is_none_or(|v| Some(v) == f.value.as_ref())
            });
        if !same {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("[{}={}]", f.text, f.value.as_deref().unwrap_or("")))
                .collect();
            failures.push(format!("  {case}\n    found: {}", got.join(" ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} {lang}: {} of {} cases fail\n{}",
        kind.name(),
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_notation_parses() {
    let (plain, marks) =
        parse("tăng [percent:37%] lên [money:16,8 tỷ nhân dân tệ=16800000000 CNY] [sic]");
    assert_eq!(plain, "tăng 37% lên 16,8 tỷ nhân dân tệ [sic]");
    assert_eq!(marks.len(), 2);
    assert_eq!(marks[1].value.as_deref(), Some("16800000000 CNY"));
}

#[test]
fn money_vi() {
    check(
        "vi",
        Kind::Money,
        &[
            "doanh thu tăng 37% lên [money:16,8 tỷ nhân dân tệ=16800000000 CNY] ([money:2,6 tỷ USD=2600000000 USD])",
            "giá trị thương vụ khoảng [money:500 triệu đồng=500000000 VND]",
            "lợi nhuận đạt [money:1.200 tỷ đồng=1200000000000 VND] trong năm",
            "khoản đầu tư [money:10 nghìn tỷ đồng=10000000000000 VND]",
            "công ty có 3 tỷ người dùng và 20 triệu khách hàng",
        ],
    );
}

#[test]
fn money_en() {
    check(
        "en",
        Kind::Money,
        &[
            "generating [money:$2.7 billion=2700000000 USD] in the first three months",
            "a deal worth [money:US$5m=5000000 USD] was signed",
            "shares fell, wiping [money:£3bn=3000000000 GBP] off its value",
            "prices of [money:$5 to $7=5..7 USD] a pound",
            "sales rose from [money:$5 billion=5000000000 USD] to [money:$7 billion=7000000000 USD]",
            "it cut the forecast by [money:$5=5 USD] to [money:$80=80 USD] a barrel",
            "it paid [money:1,250 euros=1250 EUR] per month",
            "revenue of [money:HK$12.5 billion=12500000000 HKD]",
            "it bought 5 pounds of flour for a 200-pound man",
            "the company hired 2,000 people in 12 countries",
            "a fine of [money:USD 3 million=3000000 USD]",
            "sales reached [money:3 billion pounds=3000000000 GBP] last year",
            "a [money:a billion dollars=1000000000 USD] deal for a dollar and a million people",
            "the $5 millionaires club",
            "between [money:$5 and $7 billion=5000000000..7000000000 USD], or [money:$5=5 USD] and [money:$7=7 USD]",
        ],
    );
}

#[test]
fn money_de_nl() {
    check(
        "de",
        Kind::Money,
        &[
            "ein Marktwert von etwa [money:20 Milliarden US-Dollar=20000000000 USD]",
            "Investitionen von [money:5–7 Mrd. Euro=5000000000..7000000000 EUR]",
            "das Paket kostet [money:50 €=50 EUR] pro Monat",
            "Umsatz von [money:1,5 Mio. Euro=1500000 EUR]",
            "[money:zwei Milliarden Franken=2000000000 CHF] für die Bahn",
            "Der Konzern hat 2000 Mitarbeiter und 5 Pfund Mehl",
        ],
    );
    check(
        "nl",
        Kind::Money,
        &[
            "een omzet van [money:825 miljoen dollar=825000000 USD], maar een verlies van [money:22,64 miljoen dollar=22640000 USD]",
            "een boete van [money:€ 1,5 miljard=1500000000 EUR]",
            "de waarde van [money:twee miljard euro=2000000000 EUR]",
            "de Russische [money:500 miljoen roebel=500000000 RUB] schuld",
        ],
    );
}

#[test]
fn money_romance_and_czech() {
    check(
        "fr",
        Kind::Money,
        &[
            "un chiffre d'affaires de [money:5 millions d'euros=5000000 EUR]",
            "une amende de [money:2,5 milliards de dollars=2500000000 USD]",
            "le loyer de [money:1 200 €=1200 EUR] par mois",
        ],
    );
    check(
        "es",
        Kind::Money,
        &[
            "una inversión de [money:3.000 millones de euros=3000000000 EUR]",
            "pagó [money:50 mil millones de dólares=50000000000 USD]",
        ],
    );
    check(
        "pt",
        Kind::Money,
        &[
            "um lucro de [money:R$ 2,3 bilhões=2300000000 BRL] no trimestre",
            "uma multa de [money:10 milhões de euros=10000000 EUR]",
        ],
    );
    check(
        "cs",
        Kind::Money,
        &[
            "zisk [money:5 miliard Kč=5000000000 CZK] za rok",
            "stát zaplatí [money:300 milionů korun=300000000 CZK]",
        ],
    );
    check("zh", Kind::Money, &["营收[money:100亿元=10000000000 CNY]，同比增长"]);
}

#[test]
fn percent_many_languages() {
    check(
        "vi",
        Kind::Percent,
        &[
            "chỉ tăng trưởng [percent:37%=37] lên 16,8 tỷ nhân dân tệ, thấp hơn mức [percent:58%=58]",
            "lãi suất giảm [percent:2,5 %=2.5] trong quý",
            "tăng [percent:30 đến 50%=30..50]",
            "chiếm [percent:12 phần trăm=12] thị phần",
        ],
    );
    check(
        "en",
        Kind::Percent,
        &[
            "a modest [percent:2%=2] increase and [percent:9%=9] of revenue",
            "rates rose [percent:0.25 percentage points=0.25]",
            "prices fell [percent:-5%=-5] year on year",
            "up [percent:5%=5] to [percent:10%=10] in a year",
            "a [percent:30-50%=30..50] cut",
            "inflation of [percent:3.2 per cent=3.2]",
            "Covid-19 and the A380 and 2,000 jobs",
        ],
    );
    check(
        "de",
        Kind::Percent,
        &[
            "einem Rückgang um [percent:9 Prozent=9]",
            "die Mietpreise um [percent:30 bis 50 Prozent=30..50] senken",
            "um [percent:zwei Prozentpunkte=2] gestiegen",
            "eine 2,5-prozentige Erhöhung",
            "ein Wachstum zwischen [percent:4 und 6 Prozent=4..6], Anteile von 4 und [percent:6 Prozent=6]",
        ],
    );
    check("nl", Kind::Percent, &["de omzet groeide met [percent:90 procent=90]"]);
    check(
        "fr",
        Kind::Percent,
        &["une hausse de [percent:4,5 pour cent=4.5] et de [percent:3 %=3]"],
    );
    check(
        "es",
        Kind::Percent,
        &[
            "subió un [percent:12 por ciento=12]",
            "entre [percent:5 a 7%=5..7]",
            "entre el [percent:5 y el 7%=5..7]",
        ],
    );
    check("pt", Kind::Percent, &["alta de [percent:8,1 por cento=8.1]"]);
    check(
        "cs",
        Kind::Percent,
        &["inflace [percent:15 procent=15] a růst o [percent:2 procentní body=2]"],
    );
}

#[test]
fn dates_vi_en() {
    check(
        "vi",
        Kind::Date,
        &[
            "tăng trưởng chậm trong [date:ba tháng đầu năm=Q1], so với cùng kỳ [date:năm ngoái=last year]",
            "chiếm 9% doanh thu trong [date:quý gần nhất=latest quarter]",
            "không sử dụng trong suốt [date:cả năm qua=past year], dừng từ [date:năm 2018=2018]",
            "quý thứ hai liên tiếp có lãi",
            "kết quả [date:quý 2=Q2] và [date:quý III/2023=Q3 2023]",
            "họp [date:vào thứ Năm=Thursday], thứ hai là giá",
            "ký kết [date:ngày 5/3/2024=2024-03-05] tại Hà Nội",
            "khai trương trong [date:tháng 3=March] và [date:tháng Ba năm 2021=2021-03]",
            "doanh thu [date:6 tháng đầu năm=H1] tăng, công bố [date:ngày 15/7=July 15]",
        ],
    );
    check(
        "en",
        Kind::Date,
        &[
            "an IPO [date:within the next 12 months=next 12 months]",
            "oversupplied for [date:the next 12 to 18 months=next 12-18 months]",
            "generating $2.7 billion in [date:the first three months=Q1] alone",
            "the group company is right now",
            "results [date:on March 5, 2024=2024-03-05] and [date:in October=October]",
            "profit in [date:the third quarter of 2023=Q3 2023] and [date:Q4=Q4]",
            "it closed [date:on Monday=Monday] after [date:two years ago=2 years ago]",
            "the shares may fall; we march on",
            "sales in [date:2036=2036] and [date:last year=last year] rose",
            "it employs 2000 people and sold about 1950 units",
            "a rise from [date:FY2023=FY2023] and the [date:fiscal year=fiscal year]",
            "over [date:the past five years=past 5 years] and [date:a year earlier=a year earlier]",
            "hire 2,000 engineers by [date:the end of 2025=end of 2025] and more in [date:mid-2026=mid 2026]",
        ],
    );
}

#[test]
fn dates_de_nl() {
    check(
        "de",
        Kind::Date,
        &[
            "hat [date:am Donnerstag=Thursday] einen [date:im März=March] beschlossenen Wechsel aufgegeben",
            "bis zum [date:Ende des Tages=end of day] um etwa 20 Milliarden US-Dollar",
            "denen des Konkurrenten Tencent [date:am Vortag=previous day]",
            "Monate nach der Ankündigung, jeden Tag und kurzfristig, jahrelang",
            "Umsatz [date:im dritten Quartal=Q3] und [date:im Vorjahr=last year]",
            "Am [date:5. März 2024=2024-03-05] und seit [date:2019=2019]",
            "in [date:den vergangenen drei Jahren=past 3 years]",
            "[date:Seit Jahresbeginn=year to date] und gegenüber dem [date:Vorjahreszeitraum=a year earlier]",
            "Investitionen bis [date:Ende 2026=end of 2026] und ab [date:Anfang März=March]",
        ],
    );
    check(
        "nl",
        Kind::Date,
        &[
            "omzet in [date:het tweede kwartaal=Q2] van zijn [date:fiscale jaar=fiscal year]",
            "in [date:2036=2036] twee miljard klanten",
            "hoger dan [date:een jaar eerder=a year earlier]",
            "in [date:de afgelopen drie jaar=past 3 years]",
            "zich momenteel in het verleden en de toekomst",
            "[date:op donderdag=Thursday] en [date:vorig jaar=last year]",
        ],
    );
}

#[test]
fn dates_romance_and_czech() {
    check(
        "fr",
        Kind::Date,
        &[
            "publié le [date:12 mars 2024=2024-03-12]",
            "[date:en mars=March] et [date:l'an dernier=last year]",
            "au [date:premier trimestre=Q1] et [date:lundi=Monday]",
            "Mars est une planète",
        ],
    );
    check(
        "es",
        Kind::Date,
        &[
            "el [date:5 de marzo de 2024=2024-03-05]",
            "en [date:el segundo trimestre=Q2] y [date:el año pasado=last year]",
            "[date:los últimos tres años=past 3 years]",
        ],
    );
    check("pt", Kind::Date, &["[date:no primeiro trimestre=Q1] e [date:ontem=yesterday]"]);
    check(
        "cs",
        Kind::Date,
        &["[date:v březnu=March], [date:5. března 2024=2024-03-05] a [date:loni=last year]"],
    );
}

#[test]
fn chinese_and_japanese() {
    check(
        "zh",
        Kind::Date,
        &["[date:2024年3月5日=2024-03-05]发布，[date:去年=last year]营收[date:第一季度=Q1]增长"],
    );
    check(
        "zh",
        Kind::Money,
        &["融资[money:5亿美元=500000000 USD]和[money:3000万欧元=30000000 EUR]"],
    );
    check("ja", Kind::Money, &["売上高は[money:1兆円=1000000000000 JPY]"]);
    check("en", Kind::Money, &["a loss of [money:Rs 500 crore=5000000000 INR]"]);
}

/// Issue: `31. Februar 2024` became `2024-02-31`; a day the calendar does
/// not have is no date, in any notation.
#[test]
fn impossible_dates_are_not_dates() {
    check(
        "de",
        Kind::Date,
        &[
            "Am 31. Februar 2024 und am [date:29. Februar 2024=2024-02-29]",
            "Frist bis 30.02.2025, Zahlung am [date:28.02.2025=2025-02-28]",
        ],
    );
    check(
        "en",
        Kind::Date,
        &[
            "due 29/2/2023 or [date:2/28/2023=2023-02-28], then [date:on April 30=April 30]",
            "April 31 and June 31st",
        ],
    );
    check("vi", Kind::Date, &["ký ngày 30/2 và [date:ngày 29/2=February 29]"]);
    check("fr", Kind::Date, &["le 31 avril 2024 et le [date:30 avril 2024=2024-04-30]"]);
    check("es", Kind::Date, &["el 31 de junio de 2023 y el [date:1 de julio de 2023=2023-07-01]"]);
}

/// Issue: an amount that overflowed became `"value": null` in JSON and
/// `USD inf tn` in the sidebar, and two different overflows merged. A
/// number a double cannot hold exactly is no amount.
#[test]
fn amounts_too_large_to_hold_are_not_money() {
    let nines = "9".repeat(400);
    let long_a = format!("a debt of ${nines} and {nines} USD");
    let cases = [
        long_a.as_str(),
        "$123456789012345678 and $123456789012345679 are not amounts",
        "a [money:$12 trillion=12000000000000 USD] debt and [money:$1,000,000,000,000=1000000000000 USD]",
    ];
    check("en", Kind::Money, &cases);
    check(
        "vi",
        Kind::Money,
        &["nợ 10 triệu tỷ tỷ tỷ đồng và [money:5 nghìn tỷ đồng=5000000000000 VND]"],
    );
    check("de", Kind::Percent, &[&format!("um {nines} Prozent und um [percent:5 Prozent=5]")]);
}

/// Decades and centuries, in words or digits, in each language's way.
#[test]
fn decades_and_centuries() {
    check(
        "en",
        Kind::Date,
        &[
            "prices of [date:the 1990s=1990s], [date:the late 1880s=1880s] and [date:the '80s=1980s], since [date:the 19th century=19th century]",
        ],
    );
    check(
        "de",
        Kind::Date,
        &[
            "[date:die Neunzigerjahre=1990s], in [date:den 80er-Jahren=1980s] und [date:19. Jahrhundert=19th century]",
        ],
    );
    check("nl", Kind::Date, &["in [date:de jaren tachtig=1980s] en in [date:de jaren 1930=1930s]"]);
    check(
        "fr",
        Kind::Date,
        &["[date:les années 1980=1980s] et le [date:XIXe siècle=19th century]"],
    );
    check("es", Kind::Date, &["en [date:los años 80=1980s] y el [date:siglo XIX=19th century]"]);
    check("pt", Kind::Date, &["[date:nos anos 1990=1990s]"]);
    check("it", Kind::Date, &["[date:negli anni '90=1990s] e [date:negli anni Settanta=1970s]"]);
    check("cs", Kind::Date, &["v [date:90. letech=1990s] a v [date:devadesátých letech=1990s]"]);
    check("pl", Kind::Date, &["[date:w latach trzydziestych ubiegłego wieku=1930s]"]);
    check("vi", Kind::Date, &["từ [date:thập niên 1990=1990s] đến [date:những năm 80=1980s]"]);
}

/// Periods relative to now, with or without a count.
#[test]
fn relative_periods() {
    // A span from now, the preposition saying which way.
    check("de", Kind::Date, &["Neuwahlen [date:innerhalb von 45 Tagen=next 45 days]"]);
    check(
        "fr",
        Kind::Date,
        &["[date:depuis cinq ans=past 5 years] et [date:depuis plus de 9 mois=past 9 months]"],
    );
    check("cs", Kind::Date, &["dálnice bude hotová [date:za 4 roky=next 4 years]"]);
    check("en", Kind::Date, &["a decision [date:within 12 months=next 12 months]"]);
    check("nl", Kind::Date, &["een besluit [date:binnen 6 weken=next 6 weeks]"]);
    check("es", Kind::Date, &["[date:dentro de 3 años=next 3 years]"]);
    check(
        "en",
        Kind::Date,
        &[
            "in [date:the coming weeks=next weeks] and [date:next month=next month]",
            "over [date:the past few days=past few days], [date:a decade later=a decade later]",
            "profit in [date:the third quarter=Q3] and [date:last August=last August]",
        ],
    );
    check(
        "nl",
        Kind::Date,
        &[
            "in [date:het afgelopen kwartaal=last quarter] en [date:de laatste maanden=past months], [date:enkele weken tevoren=few weeks earlier]",
        ],
    );
    check(
        "de",
        Kind::Date,
        &["in [date:den kommenden Wochen=next weeks] und [date:vergangenen Samstag=last Saturday]"],
    );
    check(
        "fr",
        Kind::Date,
        &["[date:ces derniers mois=past months] et [date:samedi dernier=last Saturday]"],
    );
    check(
        "es",
        Kind::Date,
        &["[date:en los últimos meses=past months] y [date:agosto pasado=last August]"],
    );
    check(
        "it",
        Kind::Date,
        &["[date:tre anni fa=3 years ago] e [date:La scorsa notte=last night]"],
    );
    check(
        "pl",
        Kind::Date,
        &["[date:18 lat temu=18 years ago] i [date:w ubiegłą sobotę=last Saturday]"],
    );
    check(
        "vi",
        Kind::Date,
        &["[date:trong vài tháng qua=past few months], [date:một thập kỷ sau đó=a decade later]"],
    );
    check(
        "pt",
        Kind::Date,
        &["[date:na última semana=last week] e [date:nos últimos meses=past months]"],
    );
}

/// Holidays, in each language, case as written.
#[test]
fn holidays() {
    check("de", Kind::Date, &["an [date:Weihnachten=Christmas] und zu [date:Ostern=Easter]"]);
    check("en", Kind::Date, &["before [date:Thanksgiving=Thanksgiving] and [date:Easter=Easter]"]);
    check("vi", Kind::Date, &["dịp [date:Tết=Tết] và [date:Giáng sinh=Christmas]"]);
    check("fr", Kind::Date, &["à [date:Noël=Christmas] et à [date:Pâques=Easter]"]);
    check("pl", Kind::Date, &["na [date:Boże Narodzenie=Christmas]"]);
}

/// Times of day in each language's notation; a count of hours is none.
#[test]
fn times_of_day() {
    check("de", Kind::Date, &["[date:um 14.30 Uhr=14:30] begann es, es dauerte 3 Stunden"]);
    check("vi", Kind::Date, &["[date:lúc 9 giờ sáng=09:00], trong 24 giờ"]);
    check("fr", Kind::Date, &["[date:à 14h30=14:30] ou [date:vers 7 heures du soir=19:00]"]);
    check(
        "en",
        Kind::Date,
        &["[date:at 2:30 p.m.=14:30] and [date:7 am=07:00], a 3-2 win, 14.30 points"],
    );
    check("nl", Kind::Date, &["[date:net voor 7 uur ‘s morgens=07:00], na drie uur wachten"]);
    check("pl", Kind::Date, &["[date:tuż przed godziną 7 rano=07:00]"]);
    check("pt", Kind::Date, &["[date:às 10h30=10:30]"]);
}

/// Vietnamese day/month with a slash, with or without a time-of-day word.
#[test]
fn vietnamese_day_month() {
    check(
        "vi",
        Kind::Date,
        &[
            "[date:ngày 5/3=March 5], [date:sáng 12/4=April 12] và [date:chiều 30/9=September 30], tỷ lệ 3/4",
            "đề cập tới giáo phận [date:vào tháng 7=July], [date:hồi tháng 8 năm 2019=2019-08]",
            "bị thương [date:vào thứ Bảy vừa qua=last Saturday] và [date:thứ Hai tới=next Monday]",
        ],
    );
}

/// A weekday is a date, and takes the date that follows it.
#[test]
fn weekdays_and_their_dates() {
    check(
        "en",
        Kind::Date,
        &["[date:Sunday, August 2, 2015=2015-08-02] and [date:on Monday=Monday]"],
    );
    check(
        "pt",
        Kind::Date,
        &["[date:nesta terça-feira (16/07)=July 16] e [date:nesta terça-feira, 16/07=July 16]"],
    );
    check(
        "de",
        Kind::Date,
        &["[date:am Donnerstag=Thursday] und [date:Montag, 5. März 2024=2024-03-05]"],
    );
    check("es", Kind::Date, &["[date:el lunes=Monday] y [date:el pasado sábado=last Saturday]"]);
    // Right after the weekday: its date, but not a time nor a year.
    check(
        "fr",
        Kind::Date,
        &[
            "[date:ce jeudi 9 juin=June 9] et [date:Ce mercredi 4 mai=May 4], [date:samedi=Saturday]",
        ],
    );
    check(
        "en",
        Kind::Date,
        &["[date:on Wednesday 4 May=May 4] and [date:Friday=Friday] [date:2018=2018] too"],
    );
    check("es", Kind::Date, &["[date:el jueves=Thursday] [date:a las 15:00=15:00] en Londres"]);
}

/// Date words that are also other words, present references, identifiers.
#[test]
fn date_precision_traps() {
    check(
        "en",
        Kind::Date,
        &[
            "Theresa May said prices may rise; today is busy",
            "the law 576/2021 and ISO 9001-2015 and 1500 people",
            "in their 80s they met in [date:1889=1889]",
        ],
    );
    check("de", Kind::Date, &["heute und jetzt feiert ein Neunziger"]);
    check("vi", Kind::Date, &["hôm nay và ngày hôm nay"]);
    check("nl", Kind::Date, &["vandaag en nu, momenteel"]);
    check("pt", Kind::Date, &["o Projeto de Lei 576/2021, a segunda proposta e a quinta colocada"]);
    // A time phrase in Title Case inside a sentence names a programme.
    check(
        "en",
        Kind::Date,
        &["she presented This Morning with Phillip, [date:this morning=this morning]"],
    );
    check("nl", Kind::Date, &["de presentatrice van This Morning en Next Week"]);
    check("pl", Kind::Date, &["prowadząca program This Morning w telewizji"]);
}

/// Historical and less common currencies, with declined names.
#[test]
fn money_currencies_of_many_countries() {
    check(
        "de",
        Kind::Money,
        &["[money:5 Millionen D-Mark=5000000 DEM] und [money:20 Cent=0.2 EUR]"],
    );
    check("es", Kind::Money, &["[money:300 millones de pesetas=300000000 ESP]"]);
    check(
        "fr",
        Kind::Money,
        &[
            "En France, le projet a coûté [money:5 millions de francs=5000000 FRF] à Paris, France.",
            "[money:20 centimes=0.2 EUR] le litre",
        ],
    );
    check("de", Kind::Money, &["Die Schweiz zahlt [money:5 Millionen Franken=5000000 CHF]"]);
    check(
        "cs",
        Kind::Money,
        &["[money:jednoho milionu korun=1000000 CZK] a [money:3 tys. Kč=3000 CZK]"],
    );
    check(
        "pl",
        Kind::Money,
        &[
            "[money:5 mln zł=5000000 PLN], [money:3 mld dolarów=3000000000 USD], [money:20 groszy=0.2 PLN]",
        ],
    );
    check(
        "pt",
        Kind::Money,
        &["[money:R$ 2,3 bilhões=2300000000 BRL] e [money:10 mil reais=10000 BRL]"],
    );
    check(
        "it",
        Kind::Money,
        &["[money:5 miliardi di lire=5000000000 ITL] e [money:10 mila euro=10000 EUR]"],
    );
    check("ro", Kind::Money, &["[money:500 lei=500 RON] și [money:5 milioane de lei=5000000 RON]"]);
    check("hu", Kind::Money, &["[money:300 millió forint=300000000 HUF]"]);
}

/// German compounds of number, magnitude and currency; things that only
/// look like money.
#[test]
fn money_compounds_and_look_alikes() {
    check(
        "de",
        Kind::Money,
        &[
            "das [money:20-Milliarden-Euro=20000000000 EUR]-Programm und ein [money:5-Euro=5 EUR]-Schein",
        ],
    );
    check(
        "en",
        Kind::Money,
        &[
            "RON95 petrol and 1.5 million pounds of lead, [money:3 billion pounds=3000000000 GBP]",
            "[money:50 cents=0.5 USD] a litre",
        ],
    );
}

/// A weekday with its part of the day, a month with a relative year after
/// it, a position in the current year, a decade led by `década de`.
#[test]
fn weekday_parts_positions_in_the_year_and_more_decades() {
    check(
        "es",
        Kind::Date,
        &[
            "[date:El viernes por la mañana=Friday] hubo un robo; [date:a principios de este año=early this year] habló de [date:la década de 1990=1990s] en Madrid.",
        ],
    );
    check(
        "pt",
        Kind::Date,
        &[
            "Tomou posse [date:em maio do ano passado=last May] e [date:no início deste ano=early this year], como [date:na década de 1980=1980s] em Lisboa.",
        ],
    );
    check("fr", Kind::Date, &["[date:Vendredi matin=Friday], il a parlé."]);
    check(
        "en",
        Kind::Date,
        &["He spoke [date:on Friday morning=Friday] and [date:earlier this year=this year]."],
    );
    check(
        "de",
        Kind::Date,
        &[
            "[date:Am Freitagabend=Friday] gewann das Team, [date:Anfang des Jahres=early this year] verlor es.",
        ],
    );
    check("nl", Kind::Date, &["[date:Zondagochtend=Sunday] was het koud."]);
    check("pl", Kind::Date, &["[date:W sobotni poranek=Saturday] doszło do kradzieży."]);
    check("vi", Kind::Date, &["[date:Vào tối thứ Sáu=Friday], đội thắng."]);
    check("cs", Kind::Date, &["Nastoupil [date:koncem loňského roku=end of last year]."]);
}

#[test]
fn parts_of_today_and_this_weekend() {
    check(
        "es",
        Kind::Date,
        &["Lo dijo [date:esta mañana=this morning] y repitió [date:esta tarde=this afternoon]."],
    );
    check("fr", Kind::Date, &["La course a lieu [date:ce week-end=this weekend]."]);
    check(
        "pl",
        Kind::Date,
        &["Powiedział to [date:wczoraj wieczorem=last night] i [date:dziś rano=this morning]."],
    );
    check("de", Kind::Date, &["Er sprach [date:heute Abend=tonight] in Berlin."]);
    check("vi", Kind::Date, &["Ông nói [date:chiều nay=this afternoon]."]);
}
