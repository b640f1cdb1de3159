/**
 * Frequent words of the languages the multilingual bench corpus is written in, most frequent
 * (function words) first, so text drawn from them has the function words the stopword stage
 * counts and the letter sequences an n-gram detector knows. `joiner` is what separates words
 * ('' for scripts written without spaces), `end` what ends a sentence.
 */
export interface LanguageWords {
  words: readonly string[];
  joiner: string;
  end: string;
}

const table = (joiner: string, end: string, words: string): LanguageWords => ({
  words: words.split(' '),
  joiner,
  end,
});

export const LANGUAGE_WORDS: Readonly<Record<string, LanguageWords>> = {
  en: table(
    ' ',
    '.',
    'the of and to a in is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their can has been if more when will would who so no what out up into do than about other some time could them these two may then only its also new like our after most made over did any where very through just back years much your way well first down should because each those people how too little state good see make world still own many here between both life being under never day same another know while last might great old year off come since against go came right used take three water light city country history science health family school work children food government study system power river market village doctor patient weather summer winter garden letter answer question morning evening problem reason number',
  ),
  es: table(
    ' ',
    '.',
    'de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos esto antes algunos qué unos otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros tiempo años vida mundo ciudad país historia agua trabajo gobierno parte casa día forma caso hombre mujer gente niños escuela familia salud ciencia sistema grupo luz río mercado pueblo médico tiempo verano invierno jardín carta respuesta pregunta mañana problema razón número',
  ),
  fr: table(
    ' ',
    '.',
    'de la le et les des est un une du que qui pour dans en pas sur avec ce il elle nous vous au aux sont ou mais comme cette son ses leur plus tout être fait été par on ne se sa je lui leurs très deux temps ans vie monde ville pays histoire eau travail gouvernement partie maison jour homme femme gens enfants école famille santé science système groupe lumière nouveau grand premier autres aussi bien même après faire peut rivière marché village médecin été hiver jardin lettre réponse question matin soir problème raison nombre',
  ),
  de: table(
    ' ',
    '.',
    'der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wie bei nach aus wird sind oder aber noch wenn ich sie wir er hat haben werden wurde war nur über vor zum zur durch einen einem einer kann mehr schon sehr zwei Jahr Jahre Zeit Leben Welt Stadt Land Geschichte Wasser Arbeit Regierung Teil Haus Tag Mann Frau Menschen Kinder Schule Familie Gesundheit Wissenschaft System Gruppe Licht neue große erste andere Fluss Markt Dorf Arzt Sommer Winter Garten Brief Antwort Frage Morgen Abend Problem Grund Zahl',
  ),
  pt: table(
    ' ',
    '.',
    'o a os as de que e do da em um uma para com não no na por mais dos das se como mas foi ao ele ela são seu sua ou quando muito também é há já está ser tem nos entre depois sem mesmo anos tempo vida mundo cidade país história água trabalho governo parte casa dia homem mulher pessoas crianças escola família saúde ciência sistema grupo luz novo grande primeiro outros rio mercado aldeia médico verão inverno jardim carta resposta pergunta manhã noite problema razão número',
  ),
  it: table(
    ' ',
    '.',
    'il lo la gli le di che e un una per non con del della sono è si nel nella al alla come ma anche più questo questa essere dei delle ha ho hanno era stato molto tutto dopo senza sempre anni tempo vita mondo città paese storia acqua lavoro governo parte casa giorno uomo donna persone bambini scuola famiglia salute scienza sistema gruppo luce nuovo grande primo altri fiume mercato villaggio medico estate inverno giardino lettera risposta domanda mattina sera problema ragione numero',
  ),
  ru: table(
    ' ',
    '.',
    'и в не на что он с как а то все она так его но да к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже вдруг ли если уже или ни быть был него до вас опять вам ведь там потом себя ничего ей может они тут где есть надо ней для мы их чем была сам без будет время жизнь мир город страна история вода работа правительство часть дом день человек женщина люди дети школа семья здоровье наука система группа свет новый большой первый река рынок деревня врач лето зима сад письмо ответ вопрос утро вечер проблема причина число',
  ),
  ar: table(
    ' ',
    '.',
    'في من على أن إلى عن مع هذا هذه التي الذي كان لا ما هو هي كل بين بعد قد أو ثم عند حتى لم إذا كما أي ذلك تلك غير نحو منذ خلال حيث لكن أكثر أول عام الوقت الحياة العالم المدينة البلد التاريخ الماء العمل الحكومة جزء البيت اليوم رجل امرأة الناس الأطفال المدرسة العائلة الصحة العلم النظام مجموعة الضوء جديد كبير النهر السوق القرية الطبيب الصيف الشتاء الحديقة الرسالة الجواب السؤال الصباح المساء المشكلة السبب الرقم',
  ),
  hi: table(
    ' ',
    '।',
    'के है में की और से को का एक पर यह भी हैं था कि ने लिए नहीं तो ही या हो कर जो इस वह साथ गया अपने किया होता जा रहा तक कुछ बाद करने सकते उनके उन्होंने दिया समय जीवन दुनिया शहर देश इतिहास पानी काम सरकार हिस्सा घर दिन आदमी महिला लोग बच्चे स्कूल परिवार स्वास्थ्य विज्ञान प्रणाली समूह प्रकाश नया बड़ा पहला नदी बाज़ार गाँव डॉक्टर गर्मी सर्दी बगीचा पत्र उत्तर प्रश्न सुबह शाम समस्या कारण संख्या',
  ),
  zh: table(
    '',
    '。',
    '的 是 在 了 和 有 我们 他们 这个 一个 不 也 就 都 而 及 与 着 或 一些 没有 因为 所以 但是 如果 可以 时间 生活 世界 城市 国家 历史 水 工作 政府 部分 房子 今天 男人 女人 人们 孩子 学校 家庭 健康 科学 系统 小组 光 新 大 第一 研究 发展 问题 社会 经济 文化 教育 技术 环境 重要 需要 影响 提供 认为 进行 通过 之后 之前 非常 河流 市场 村庄 医生 夏天 冬天 花园 信 回答 早上 晚上 原因 数字',
  ),
  ja: table(
    '',
    '。',
    'の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による ず なり られる において ば なかっ なく しかし について せ だっ その後 できる それ う 時間 生活 世界 都市 国 歴史 水 仕事 政府 部分 家 今日 男性 女性 人々 子供 学校 家族 健康 科学 研究 社会 経済 文化 教育 技術 環境 重要 川 市場 村 医者 夏 冬 庭 手紙 答え 質問 朝 夜 問題 理由 数',
  ),
  ko: table(
    ' ',
    '.',
    '이 그 것 수 등 및 또는 그리고 하지만 그러나 때문에 있다 없다 하다 되다 했다 한다 있는 하는 위해 대한 통해 같은 다른 많은 우리는 그들은 사람들은 시간 생활 세계 도시 나라 역사 물 일 정부 부분 집 오늘 남자 여자 아이들 학교 가족 건강 과학 시스템 그룹 빛 새로운 큰 첫 연구 사회 경제 문화 교육 기술 환경 중요한 강 시장 마을 의사 여름 겨울 정원 편지 대답 질문 아침 저녁 문제 이유 숫자',
  ),
  th: table(
    '',
    ' ',
    'และ ที่ ของ ใน เป็น มี ได้ ไม่ การ จะ ว่า ให้ กับ แต่ ก็ นี้ คน หรือ ไป มา อยู่ แล้ว ซึ่ง จาก เรา เขา เวลา ชีวิต โลก เมือง ประเทศ ประวัติศาสตร์ น้ำ งาน รัฐบาล ส่วน บ้าน วันนี้ ผู้ชาย ผู้หญิง เด็ก โรงเรียน ครอบครัว สุขภาพ วิทยาศาสตร์ ระบบ กลุ่ม แสง ใหม่ ใหญ่ แรก การศึกษา สังคม เศรษฐกิจ วัฒนธรรม เทคโนโลยี สิ่งแวดล้อม สำคัญ แม่น้ำ ตลาด หมู่บ้าน หมอ ฤดูร้อน ฤดูหนาว สวน จดหมาย คำตอบ คำถาม ตอนเช้า ตอนเย็น ปัญหา เหตุผล ตัวเลข',
  ),
};
