#!/usr/bin/env python3
"""Generates assets/facts/places.toml: countries, regions and major cities
with their names in many languages, from CLDR (via the Babel package:
`pip install babel`) plus hand-added short forms and variants.

usage: python3 tools/gen_places.py > assets/facts/places.toml
"""
import re
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
    ("Ho Chi Minh City", "Asia/Saigon", ["Thành phố Hồ Chí Minh", "TP.HCM", "TP HCM", "TPHCM", "TP. Hồ Chí Minh",
                                         "Saigon", "Sài Gòn", "Ho-Chi-Minh-Stadt", "Hô Chi Minh-Ville"]),
    ("Da Nang", "", ["Đà Nẵng"]),
    ("Haiphong", "", ["Hải Phòng"]),
    ("Bangkok", "Asia/Bangkok", ["Băng Cốc"]),
    ("Jakarta", "Asia/Jakarta", ["Giacarta"]),
    ("Manila", "Asia/Manila", []),
    ("Kuala Lumpur", "Asia/Kuala_Lumpur", []),
    ("Mumbai", "Asia/Kolkata", ["Bombay"]),
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
    # more cities and regions, appended to places.toml by hand (babel unavailable)
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
    ("Balkans", ["Balkan", "Balkans", "Balcanes", "Bálcãs"]), ("Scandinavia", ["Skandinavien", "Scandinavië", "Scandinavie", "Escandinavia"]),
]


def clean(name):
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    name = re.sub(r"\s*(SAR|SAR China|Sonderverwaltungsregion|Speciale Bestuurlijke Regio|RAE de China|RAE da China|RAS de Chine|ĐKHC).*$", "", name).strip()
    return name.replace(" & ", " and ")


TAKEN = set()


def emit(value, names):
    out, seen = [], set()
    for n in names:
        n = n.strip()
        if not n or n in seen:
            continue
        if n in TAKEN and n != value:
            continue
        if n in BAD and n not in KEEP:
            continue
        if len(n) < 2 and not re.search(r"[\u3000-\u9fff]", n) and n != "Ý":
            continue
        seen.add(n)
        out.append(n)
    TAKEN.update(out)
    items = ", ".join('"' + n.replace('"', '\\"') + '"' for n in out)
    print(f'[[place]]\nvalue = "{value}"\nnames = [{items}]\n')


def main():
    locs = [Locale.parse(l) for l in LANGS]
    en = locs[0]
    print("# Places: countries (CLDR), regions and major cities, with their names in many")
    print("# languages and one English value. Generated by tools/gen_places.py; edit there.\n")
    for code, en_name in en.territories.items():
        if not re.fullmatch(r"[A-Z]{2}", code) or code in SKIP:
            continue
        value = CANON.get(code, clean(en_name))
        names = [value, clean(en_name)] + [clean(l.territories.get(code, "")) for l in locs] + EXTRA.get(code, [])
        emit(value, names)
    for code, value in REGIONS.items():
        names = [value] + [clean(l.territories.get(code, "")) for l in locs] + REGION_EXTRA.get(value, [])
        names = [n[0].upper() + n[1:] if n else n for n in names]
        emit(value, names)
    for value, tz, extra in CITIES:
        names = [value] + ([l.time_zones.get(tz, {}).get("city", "") for l in locs] if tz else []) + extra
        emit(value, names)
    for value, extra in REGION_LIST:
        emit(value, [value] + extra)


main()
