"""Build the event dev set: ``tests/data/events/<split>-NN.txt`` + ``.gold.json``.

The articles below were written for khabar (news-style Arabic, real-world
actors, invented reports). Events are annotated by trigger text and
occurrence; this script computes the code-point offsets and checks
``text[start:end] == trigger``. Run from the repository root::

    .venv/bin/python tests/data/events/make_gold.py

Split: articles 1–20 are ``dev`` (tuning), 21–32 are ``test`` (held out,
reported only), 33– (:data:`DEV_EXTRA`, the second arguments pass) are ``dev``. Annotation guide: one event per happening (later mentions of
the same happening go to ``alt_triggers``); ``source``/``target`` by KB
English name when the actor is named, else by country (and sector); status
as the text reports it; ``location`` the English KB name of the place;
``date`` the TIMEX3 value of a date stated for the event in the text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def N(name: str, country: str | None = None, sector: str | None = None) -> dict[str, str]:
    d = {"name_en": name}
    if country:
        d["country"] = country
    if sector:
        d["sector"] = sector
    return d


def C(country: str, sector: str | None = None) -> dict[str, str]:
    d = {"country": country}
    if sector:
        d["sector"] = sector
    return d


def E(t: str, type: str, status: str = "occurred", n: int = 1, **kw: Any) -> dict[str, Any]:
    return {"t": t, "n": n, "type": type, "status": status, **kw}


ARTICLES: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ dev
    dict(published="2024-03-12", text=(
        "أجرى وزير الخارجية الأمريكي أنتوني بلينكن أمس الاثنين اتصالا هاتفيا مع نظيره السعودي فيصل بن فرحان "
        "بحث خلاله التطورات في البحر الأحمر. ومن المقرر أن يزور بلينكن الرياض الأسبوع المقبل."),
        events=[
            E("اتصالا هاتفيا", "CONSULT", mode="phone", src=N("Antony Blinken", "USA"), tgt=N("Faisal bin Farhan", "SAU"),
              date="2024-03-11", alt_triggers=[("بحث", 1)]),
            E("يزور", "CONSULT", "planned", mode="visit", src=N("Antony Blinken", "USA"), loc="Riyadh"),
        ]),
    dict(published="2024-05-20", text=(
        "قتل ثلاثة جنود عراقيين وأصيب خمسة آخرون في هجوم شنه مسلحون على نقطة تفتيش قرب كركوك أمس الأحد. "
        "وقالت قيادة العمليات المشتركة إن قوات الأمن اعتقلت اثنين من المهاجمين بعد ساعات من الهجوم."),
        events=[
            E("هجوم", "ASSAULT", alt_triggers=[("قتل", 1), ("شنه", 1)], tgt=C("IRQ", "MIL"), loc="Kirkuk", date="2024-05-19"),
            E("اعتقلت", "COERCE", mode="arrest", src=C("IRQ")),
        ]),
    dict(published="2023-11-08", text=(
        "طالب الأمين العام للأمم المتحدة أنطونيو غوتيريش بوقف فوري لإطلاق النار في قطاع غزة. "
        "وأدان غوتيريش استهداف المدنيين، داعيا جميع الأطراف إلى احترام القانون الدولي. "
        "في المقابل، رفضت إسرائيل الدعوة وقالت إنها ستواصل عملياتها العسكرية."),
        events=[
            E("طالب", "REQUEST", src=N("António Guterres", sector="IGO")),
            E("وأدان", "ACCUSE", mode="disapprove", src=N("António Guterres", sector="IGO")),
            E("داعيا", "REQUEST", src=N("António Guterres", sector="IGO"), optional=True),
            E("رفضت", "REJECT", src=N("Israel", "ISR"), tgt=N("António Guterres", sector="IGO")),
        ]),
    dict(published="2024-01-15", text=(
        "فرضت وزارة الخزانة الأمريكية عقوبات جديدة على ست شركات إيرانية تتهمها بتمويل جماعة الحوثي. "
        "وردت طهران بأنها ستتخذ إجراءات مماثلة، ونفت أي صلة لها بالهجمات في البحر الأحمر."),
        events=[
            E("فرضت", "SANCTION", src=C("USA", "GOV"), tgt=C("IRN"), alt_triggers=[("عقوبات", 1)]),
            E("تتهمها", "ACCUSE", src=C("USA", "GOV"), tgt=C("IRN"), optional=True),
            E("الهجمات", "ASSAULT", "denied", loc="Red Sea", optional=True),
        ]),
    dict(published="2023-09-27", text=(
        "وصل الرئيس التركي رجب طيب أردوغان إلى القاهرة اليوم الأربعاء في زيارة رسمية هي الأولى منذ أكثر من عشر سنوات، "
        "والتقى نظيره المصري عبد الفتاح السيسي في قصر الاتحادية. ووقع الجانبان اتفاقية للتعاون في مجال الطاقة."),
        events=[
            E("زيارة", "CONSULT", mode="visit", src=N("Recep Tayyip Erdoğan", "TUR"), tgt=C("EGY"), loc="Cairo",
              date="2023-09-27", alt_triggers=[("وصل", 1)]),
            E("والتقى", "CONSULT", src=N("Recep Tayyip Erdoğan", "TUR"), tgt=N("Abdel Fattah el-Sisi", "EGY")),
            E("ووقع الجانبان اتفاقية", "AGREE", alt_triggers=[("اتفاقية", 1)]),
        ]),
    dict(published="2024-06-03", text=(
        "تظاهر آلاف السودانيين في مدينة بورتسودان أمس الأحد للمطالبة بإنهاء الحرب. "
        "وهتف المحتجون ضد قوات الدعم السريع، وطالبوا المجتمع الدولي بتقديم مساعدات إنسانية عاجلة. "
        "ولم تتدخل الشرطة لتفريق المتظاهرين."),
        events=[
            E("تظاهر", "PROTEST", mode="demo", src=C("SDN", "CVL"), date="2024-06-02"),
            E("للمطالبة", "REQUEST", optional=True),
            E("وطالبوا", "REQUEST", src=C("SDN", "CVL")),
            E("مساعدات إنسانية", "AID", "requested", mode="humanitarian"),
            E("لتفريق", "COERCE", "denied", src=C("SDN", "GOV"), alt_types=["ASSAULT"]),
        ]),
    dict(published="2024-02-19", text=(
        "أعلنت وزارة الدفاع الروسية أن قواتها انسحبت من قرية قرب مدينة خاركيف بعد معارك عنيفة. "
        "وقال متحدث باسم الجيش الأوكراني إن القوات الروسية قصفت المدينة بعشرات الصواريخ خلال الليل."),
        events=[
            E("انسحبت", "RETREAT", mode="withdraw", src=C("RUS", "MIL")),
            E("معارك", "ASSAULT", optional=True),
            E("قصفت", "ASSAULT", src=C("RUS", "MIL")),
        ]),
    dict(published="2023-12-05", text=(
        "هددت جماعة الحوثي باستهداف أي سفينة متجهة إلى الموانئ الإسرائيلية في البحر الأحمر. "
        "وقال المتحدث العسكري باسم الجماعة إن قواتهم قد تهاجم السفن الحربية الأمريكية إذا تعرضت اليمن لأي عدوان."),
        events=[
            E("هددت", "THREATEN", mode="violence", src=N("Houthis", "YEM")),
            E("باستهداف", "ASSAULT", "possible", src=N("Houthis", "YEM"), optional=True),
            E("تهاجم", "ASSAULT", "possible", src=C("YEM"), tgt=C("USA", "MIL")),
            E("عدوان", "ASSAULT", "possible", optional=True),
        ]),
    dict(published="2024-04-22", text=(
        "أفرجت السلطات الإيرانية عن ناشطة حقوقية بعد احتجازها لأكثر من عامين. "
        "ورحبت منظمة العفو الدولية بالإفراج عنها، لكنها دعت طهران إلى إطلاق سراح جميع المعتقلين السياسيين."),
        events=[
            E("أفرجت", "RETREAT", mode="release", src=C("IRN", "GOV"), alt_triggers=[("بالإفراج", 1)]),
            E("احتجازها", "COERCE", mode="arrest", src=C("IRN", "GOV"), optional=True),
            E("ورحبت", "SUPPORT", src=N("Amnesty International", sector="NGO")),
            E("دعت", "REQUEST", src=N("Amnesty International", sector="NGO"), tgt=C("IRN")),
            E("إطلاق سراح", "RETREAT", "requested", mode="release"),
        ]),
    dict(published="2024-07-09", text=(
        "قدمت المملكة العربية السعودية مساعدات إنسانية بقيمة 40 مليون دولار إلى اليمن عبر مركز الملك سلمان للإغاثة. "
        "ومن المتوقع أن تصل شحنة جديدة من المساعدات الغذائية إلى عدن الأسبوع المقبل."),
        events=[
            E("مساعدات إنسانية", "AID", mode="humanitarian", src=N("Saudi Arabia", "SAU"), tgt=N("Yemen", "YEM")),
            E("تصل", "AID", "expected", mode="humanitarian", alt_triggers=[("المساعدات", 1)]),
        ]),
    dict(published="2024-03-12", text=(
        "نفت وزارة الدفاع التركية أن تكون طائراتها قد قصفت قرية في شمال العراق. "
        "وكانت وسائل إعلام كردية قد ذكرت أن غارة جوية أسفرت عن مقتل أربعة مدنيين قرب دهوك."),
        events=[
            E("قصفت", "ASSAULT", "denied", mode="aerial", src=C("TUR", "MIL")),
            E("غارة جوية", "ASSAULT", mode="aerial", alt_triggers=[("مقتل", 1)], tgt=C("IRQ", "CVL")),
        ]),
    dict(published="2024-05-20", text=(
        "أعلن الجيش الإسرائيلي أنه استدعى آلاف جنود الاحتياط تحسبا لتصعيد على الحدود الشمالية. "
        "في حين نشرت إيران منظومات دفاع جوي حول منشآتها النووية."),
        events=[
            E("استدعى", "MOBILIZE", mode="troops", src=C("ISR", "MIL")),
            E("تصعيد", "ASSAULT", "possible", optional=True),
            E("نشرت", "MOBILIZE", mode="weapons", src=N("Iran", "IRN")),
        ]),
    dict(published="2023-11-08", text=(
        "اتهمت وزارة الخارجية الفلسطينية القوات الإسرائيلية بإعدام ثلاثة شبان في مخيم جنين. "
        "واقتحمت القوات الإسرائيلية المخيم فجر اليوم واعتقلت 12 شخصا."),
        events=[
            E("اتهمت", "ACCUSE", mode="allege", src=C("PSE", "GOV"), tgt=C("ISR", "MIL")),
            E("بإعدام", "ASSAULT", src=C("ISR", "MIL"), optional=True),
            E("واقتحمت", "ASSAULT", src=C("ISR", "MIL"), alt_types=["COERCE"], date="2023-11-08"),
            E("واعتقلت", "COERCE", mode="arrest", src=C("ISR", "MIL")),
        ]),
    dict(published="2024-01-15", text=(
        "بدأت القوات الأردنية والمصرية مناورات عسكرية مشتركة في منطقة العقبة تستمر أسبوعين. "
        "وتهدف المناورات إلى تعزيز التعاون بين الجيشين في مكافحة الإرهاب."),
        events=[
            E("مناورات عسكرية مشتركة", "COOPERATE", alt_types=["MOBILIZE"], src=C("JOR", "MIL"), tgt=C("EGY", "MIL")),
            E("التعاون", "COOPERATE", "planned", optional=True),
        ]),
    dict(published="2023-09-27", text=(
        "يعتزم الاتحاد الأوروبي فرض عقوبات على مسؤولين روس متورطين في ترحيل أطفال أوكرانيين. "
        "وقال مسؤول أوروبي إن الحزمة الجديدة قد تشمل تجميد أصول عشرين شخصا."),
        events=[
            E("فرض عقوبات", "SANCTION", "planned", src=N("European Union", sector="IGO"), tgt=C("RUS", "GOV")),
            E("ترحيل", "COERCE", mode="deport", src=C("RUS", "GOV"), optional=True),
            E("تجميد", "SANCTION", "possible", optional=True),
        ]),
    dict(published="2024-06-03", text=(
        "رفض مجلس الأمن الدولي مشروع قرار روسي بشأن السودان بعد أن استخدمت الولايات المتحدة حق النقض. "
        "وانتقد المندوب الروسي الموقف الأمريكي ووصفه بأنه غير مسؤول."),
        events=[
            E("رفض", "REJECT", src=N("United Nations Security Council", sector="IGO"), tgt=N("Russia", "RUS")),
            E("استخدمت الولايات المتحدة حق النقض", "REJECT", src=N("United States", "USA"), alt_triggers=[("حق النقض", 1)],
              optional=True),
            E("وانتقد", "ACCUSE", mode="disapprove", src=C("RUS", "GOV"), tgt=C("USA")),
        ]),
    dict(published="2024-02-19", text=(
        "أعلن الجيش اللبناني انتشاره في عدد من القرى الحدودية الجنوبية. "
        "وقال مصدر عسكري إن الجيش لن ينسحب من المنطقة قبل انتهاء المفاوضات."),
        events=[
            E("انتشاره", "MOBILIZE", mode="troops", src=C("LBN", "MIL")),
            E("ينسحب", "RETREAT", "denied", mode="withdraw", src=C("LBN", "MIL")),
            E("المفاوضات", "CONSULT", optional=True),
        ]),
    dict(published="2023-12-05", text=(
        "وافق البرلمان العراقي أمس الاثنين على قانون الموازنة العامة بعد أشهر من الخلافات. "
        "وأشاد رئيس الوزراء محمد شياع السوداني بالتصويت، معتبرا أنه خطوة نحو الاستقرار."),
        events=[
            E("وافق", "AGREE", src=C("IRQ", "GOV"), date="2023-12-04", alt_types=["SUPPORT"]),
            E("وأشاد", "SUPPORT", src=N("Mohammed Shia al-Sudani", "IRQ")),
        ]),
    dict(published="2024-04-22", text=(
        "فجر انتحاري نفسه في سوق شعبي بمدينة مقديشو، ما أدى إلى مقتل 15 شخصا وإصابة 30 آخرين. "
        "وتبنت حركة الشباب الهجوم في بيان نشرته على الإنترنت."),
        events=[
            E("فجر", "ASSAULT", mode="suicide-attack", alt_triggers=[("مقتل", 1), ("إصابة", 1), ("الهجوم", 1)],
              tgt=C("SOM", "CVL"), loc="Mogadishu", alt_types=[]),
        ]),
    dict(published="2024-07-09", text=(
        "قالت الحكومة الليبية في طرابلس إنها توصلت إلى اتفاق مع المجلس الرئاسي على توحيد المؤسسات الأمنية. "
        "ومن المرجح أن يلتقي رئيس الحكومة بقائد الجيش في بنغازي خلال الأيام المقبلة."),
        events=[
            E("توصلت إلى اتفاق", "AGREE", src=C("LBY", "GOV")),
            E("يلتقي", "CONSULT", "possible", src=C("LBY", "GOV"), loc="Benghazi"),
        ]),
    # ------------------------------------------------------------------ test
    dict(published="2024-03-12", text=(
        "أغلقت قوات الأمن التونسية مقر صحيفة معارضة في العاصمة تونس واعتقلت رئيس تحريرها. "
        "وندد الاتحاد الدولي للصحفيين بالحملة، مطالبا بالإفراج الفوري عنه."),
        events=[
            E("أغلقت", "COERCE", mode="censor", src=C("TUN", "GOV"), alt_types=["SANCTION"]),
            E("واعتقلت", "COERCE", mode="arrest", src=C("TUN", "GOV")),
            E("وندد", "ACCUSE", mode="disapprove"),
            E("مطالبا", "REQUEST"),
            E("بالإفراج", "RETREAT", "requested", mode="release"),
        ]),
    dict(published="2024-05-20", text=(
        "أرسلت الولايات المتحدة حاملة طائرات ثانية إلى شرق البحر المتوسط في رسالة ردع واضحة. "
        "وحذر وزير الدفاع الأمريكي لويد أوستن من أن واشنطن لن تتردد في الرد على أي هجوم يستهدف قواتها."),
        events=[
            E("أرسلت", "MOBILIZE", mode="troops", src=N("United States", "USA")),
            E("وحذر", "THREATEN", src=N("Lloyd Austin", "USA")),
            E("الرد", "ASSAULT", "denied", optional=True),
            E("هجوم", "ASSAULT", "possible", optional=True),
        ]),
    dict(published="2023-11-08", text=(
        "استقبل العاهل الأردني الملك عبد الله الثاني في عمان اليوم وزير الخارجية البريطاني، "
        "وبحث معه سبل إيصال المساعدات الإنسانية إلى غزة."),
        events=[
            E("استقبل", "CONSULT", mode="visit", src=C("GBR", "GOV"), tgt=N("Abdullah II of Jordan", "JOR"), loc="Amman",
              date="2023-11-08", alt_triggers=[("وبحث", 1)]),
            E("المساعدات الإنسانية", "AID", "planned", mode="humanitarian", optional=True),
        ]),
    dict(published="2024-01-15", text=(
        "خرج مئات الطلاب في مسيرة احتجاجية وسط الجزائر العاصمة رفضا لقرار رفع رسوم الجامعات. "
        "وأعلنت نقابة الأساتذة إضرابا مفتوحا عن العمل ابتداء من الأحد المقبل."),
        events=[
            E("مسيرة احتجاجية", "PROTEST", mode="demo", src=C("DZA", "CVL"), alt_triggers=[("خرج", 1)]),
            E("إضرابا", "PROTEST", "planned", mode="strike"),
        ]),
    dict(published="2023-09-27", text=(
        "قتل مسلحون مجهولون ضابطا في الشرطة المصرية في شمال سيناء مساء أمس الثلاثاء. "
        "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن."),
        events=[
            E("قتل", "ASSAULT", mode="firearms", tgt=C("EGY", "GOV"), loc="North Sinai", date="2023-09-26",
              alt_triggers=[("الهجوم", 1)]),
        ]),
    dict(published="2024-06-03", text=(
        "قررت الحكومة الجزائرية استدعاء سفيرها في باريس للتشاور احتجاجا على تصريحات مسؤولين فرنسيين. "
        "ومن المنتظر أن يعقد وزيرا خارجية البلدين اجتماعا في جنيف الشهر المقبل."),
        events=[
            E("استدعاء سفيرها", "SANCTION", mode="expel", src=C("DZA", "GOV"), tgt=C("FRA"), alt_types=["ACCUSE"],
              alt_triggers=[("استدعاء", 1)]),
            E("اجتماعا", "CONSULT", "expected", loc="Geneva"),
        ]),
    dict(published="2024-02-19", text=(
        "تعهدت ألمانيا بتقديم مساعدات عسكرية جديدة لأوكرانيا تشمل أنظمة دفاع جوي. "
        "ورحب الرئيس الأوكراني فولوديمير زيلينسكي بالقرار، وشكر برلين على دعمها المستمر."),
        events=[
            E("تعهدت", "AGREE", src=N("Germany", "DEU"), tgt=N("Ukraine", "UKR"), alt_types=["AID"]),
            E("مساعدات عسكرية", "AID", "planned", mode="military", src=N("Germany", "DEU"), tgt=N("Ukraine", "UKR")),
            E("ورحب", "SUPPORT", src=N("Volodymyr Zelenskyy", "UKR")),
            E("دعمها", "AID", optional=True, alt_types=["SUPPORT"]),
        ]),
    dict(published="2023-12-05", text=(
        "شنت طائرات حربية غارات على مواقع لتنظيم الدولة الإسلامية في صحراء الأنبار. "
        "وقالت خلية الإعلام الأمني إن الغارات أسفرت عن مقتل ثمانية عناصر من التنظيم."),
        events=[
            E("غارات", "ASSAULT", mode="aerial", tgt=N("Islamic State"), alt_triggers=[("شنت", 1), ("الغارات", 1), ("مقتل", 1)]),
        ]),
    dict(published="2024-04-22", text=(
        "أعلنت حركة حماس موافقتها على مقترح الوسطاء لوقف إطلاق النار، بينما قال مسؤول إسرائيلي إن "
        "الحكومة لم تقبل بعد بنود الاتفاق. ويتوقع دبلوماسيون أن تستأنف المفاوضات في الدوحة خلال أيام."),
        events=[
            E("موافقتها", "AGREE", src=N("Hamas", "PSE")),
            E("تقبل", "AGREE", "denied", src=C("ISR", "GOV"), alt_types=["REJECT"]),
            E("المفاوضات", "CONSULT", "expected", loc="Doha"),
        ]),
    dict(published="2024-07-09", text=(
        "فرضت السلطات في ولاية الخرطوم حظر التجول في عدد من الأحياء بعد اشتباكات بين الجيش وقوات الدعم السريع. "
        "وأفادت مصادر طبية بأن 20 مدنيا لقوا حتفهم في الاشتباكات."),
        events=[
            E("حظر التجول", "COERCE", mode="curfew", src=C("SDN", "GOV")),
            E("اشتباكات", "ASSAULT", alt_triggers=[("لقوا حتفهم", 1), ("الاشتباكات", 1)]),
        ]),
    dict(published="2024-03-12", text=(
        "سحبت فرنسا آخر جنودها من النيجر منهية وجودا عسكريا استمر أكثر من عشر سنوات. "
        "وكان المجلس العسكري الحاكم في نيامي قد طالب باريس بسحب قواتها بعد الانقلاب."),
        events=[
            E("سحبت", "RETREAT", mode="withdraw", src=N("France", "FRA"), tgt=N("Niger", "NER")),
            E("طالب", "REQUEST", src=C("NER", "MIL"), tgt=N("France", "FRA")),
            E("بسحب", "RETREAT", "requested", mode="withdraw", optional=True),
            E("الانقلاب", "ASSAULT", optional=True),
        ]),
    dict(published="2024-05-20", text=(
        "اعتذر وزير الخارجية الهولندي رسميا للحكومة الإندونيسية عن انتهاكات ارتكبتها القوات الهولندية خلال الحقبة الاستعمارية. "
        "وقد تعيد هولندا قطعا أثرية إلى إندونيسيا العام المقبل."),
        events=[
            E("اعتذر", "CONCEDE", src=C("NLD", "GOV"), tgt=C("IDN", "GOV")),
            E("انتهاكات", "ASSAULT", optional=True),
        ]),
]

SPLIT_AT = 20  # articles 1–20 dev, 21– test

#: Dev articles added for the second arguments pass (who did what to whom): one or more error kinds each —
#: a member of a group (قيادي في حركة …), unvowelled passives, object pronouns, stance verbs whose object is
#: an earlier event, co-ordinated parties, circumstantial participles, visits and their hosts, a capital for
#: its state, resumptive agent verbs (فرضتها …), casualties counted after a masdar. Numbered from 33 (dev).
DEV_EXTRA: list[dict[str, Any]] = [
    dict(published="2024-03-06", text=(
        "قتل قيادي في حركة الشباب الصومالية وثلاثة من مرافقيه في غارة جوية أمريكية قرب مقديشو أمس الثلاثاء. "
        "وقالت القيادة الأمريكية في أفريقيا إن الغارة استهدفت مخبأ للحركة."),
        events=[
            E("قتل", "ASSAULT", mode="aerial", alt_triggers=[("غارة جوية", 1), ("الغارة", 1), ("استهدفت", 1)],
              src=C("USA", "MIL"), tgt=N("al-Shabaab", "SOM"), loc="Mogadishu"),
        ]),
    dict(published="2024-05-14", text=(
        "فرضت الحكومة البريطانية عقوبات على خمسة قادة في قوات الدعم السريع، واتهمتهم بارتكاب انتهاكات بحق "
        "المدنيين في دارفور. ورحبت الحكومة السودانية بالعقوبات."),
        events=[
            E("فرضت", "SANCTION", src=C("GBR", "GOV"), tgt=N("Rapid Support Forces", "SDN"),
              alt_triggers=[("عقوبات", 1), ("العقوبات", 1)]),
            E("اتهمتهم", "ACCUSE", mode="allege", src=C("GBR", "GOV"), tgt=N("Rapid Support Forces", "SDN")),
            E("انتهاكات", "ASSAULT", optional=True),
            E("ورحبت", "SUPPORT", src=C("SDN", "GOV"), tgt=C("GBR")),
        ]),
    dict(published="2024-02-11", text=(
        "أجرت القوات السعودية والباكستانية تدريبات عسكرية مشتركة في منطقة الطائف استمرت عشرة أيام. "
        "وقالت وزارة الدفاع السعودية إن التدريبات تهدف إلى تعزيز التعاون بين البلدين."),
        events=[
            E("تدريبات عسكرية مشتركة", "COOPERATE", alt_types=["MOBILIZE"], src=C("SAU", "MIL"), tgt=C("PAK", "MIL"),
              alt_triggers=[("التدريبات", 1)]),
            E("التعاون", "COOPERATE", "planned", optional=True),
        ]),
    dict(published="2024-08-20", text=(
        "شنت الطائرات الحربية الإسرائيلية غارات على مواقع لحزب الله في جنوب لبنان فجر اليوم. "
        "ونددت الحكومة اللبنانية بالغارات، واتهمت إسرائيل بارتكاب جرائم في حق المدنيين."),
        events=[
            E("غارات", "ASSAULT", mode="aerial", src=C("ISR", "MIL"), tgt=N("Hezbollah", "LBN"),
              alt_triggers=[("شنت", 1), ("الغارات", 1)]),
            E("ونددت", "ACCUSE", mode="disapprove", src=C("LBN", "GOV"), tgt=C("ISR")),
            E("واتهمت", "ACCUSE", mode="allege", src=C("LBN", "GOV"), tgt=N("Israel", "ISR")),
        ]),
    dict(published="2024-04-16", text=(
        "دعا الرئيس الفرنسي إيمانويل ماكرون إلى وقف القتال في السودان، مطالبا الجيش السوداني وقوات الدعم السريع "
        "بالعودة إلى المفاوضات. وقال ماكرون إن حكومته سترسل مساعدات إنسانية إلى اللاجئين السودانيين في تشاد."),
        events=[
            E("دعا", "REQUEST", src=N("Emmanuel Macron", "FRA")),
            E("القتال", "ASSAULT", "requested", optional=True),
            E("مطالبا", "REQUEST", src=N("Emmanuel Macron", "FRA"), tgt=C("SDN", "MIL")),
            E("المفاوضات", "CONSULT", "requested", optional=True),
            E("مساعدات إنسانية", "AID", "planned", mode="humanitarian", src=C("FRA", "GOV"), tgt=C("SDN"),
              alt_triggers=[("سترسل", 1)]),
        ]),
    dict(published="2024-10-03", text=(
        "وصل رئيس الوزراء الياباني إلى القاهرة أمس في زيارة رسمية تستمر يومين، والتقى خلالها الرئيس المصري "
        "عبد الفتاح السيسي. وتسعى طوكيو إلى تعزيز تعاونها الاقتصادي مع مصر."),
        events=[
            E("زيارة", "CONSULT", mode="visit", src=C("JPN", "GOV"), tgt=C("EGY"), loc="Cairo",
              alt_triggers=[("وصل", 1)]),
            E("والتقى", "CONSULT", src=C("JPN", "GOV"), tgt=N("Abdel Fattah el-Sisi", "EGY")),
            E("تعاونها", "COOPERATE", "planned", src=N("Japan", "JPN"), tgt=N("Egypt", "EGY")),
        ]),
    dict(published="2024-01-23", text=(
        "اعتقل ثلاثة صحفيين أتراك في إسطنبول أمس من قبل الشرطة التركية بتهمة نشر معلومات مضللة. "
        "ونددت منظمة هيومن رايتس ووتش باعتقالهم."),
        events=[
            E("اعتقل", "COERCE", mode="arrest", src=C("TUR", "GOV"), tgt=C("TUR", "MED"), loc="Istanbul",
              alt_triggers=[("اعتقالهم", 1)]),
            E("ونددت", "ACCUSE", mode="disapprove", src=N("Human Rights Watch", sector="NGO"), tgt=C("TUR", "GOV")),
        ]),
    dict(published="2023-06-27", text=(
        "تواجه إثيوبيا عقوبات اقتصادية جديدة فرضتها وزارة الخزانة الأمريكية الأسبوع الماضي على خلفية الحرب في "
        "إقليم تيغراي. ورفضت أديس أبابا العقوبات ووصفتها بأنها تدخل في شؤونها الداخلية."),
        events=[
            E("عقوبات", "SANCTION", src=N("United States Department of the Treasury", "USA"), tgt=N("Ethiopia", "ETH"),
              alt_triggers=[("فرضتها", 1)]),
            E("الحرب", "ASSAULT", optional=True),
            E("ورفضت", "REJECT", src=N("Ethiopia", "ETH"), tgt=C("USA")),
        ]),
    dict(published="2024-09-12", text=(
        "انفجرت سيارة مفخخة في سوق مزدحم ببغداد، ما أسفر عن مقتل سبعة مدنيين وإصابة عشرين آخرين. "
        "وأدانت الحكومة العراقية التفجير الذي استهدف المدنيين."),
        events=[
            E("سيارة مفخخة", "ASSAULT", mode="explosives", tgt=C("IRQ", "CVL"), loc="Baghdad",
              alt_triggers=[("مقتل", 1), ("إصابة", 1), ("التفجير", 1)]),
            E("وأدانت", "ACCUSE", mode="disapprove", src=N("Iraq", "IRQ")),
        ]),
    dict(published="2024-11-05", text=(
        "أعلنت وزارة الدفاع البريطانية سحب مئتي جندي بريطاني من العراق خلال الأشهر المقبلة. "
        "وفي ليبيا، تم ترحيل عشرات المهاجرين من قبل السلطات الليبية إلى النيجر."),
        events=[
            E("سحب", "RETREAT", "planned", mode="withdraw", src=C("GBR")),
            E("ترحيل", "COERCE", mode="deport", src=C("LBY", "GOV")),
        ]),
    dict(published="2024-06-18", text=(
        "أعلن الجيش الإسرائيلي أن طائراته قصفت مستودعا للأسلحة تابعا لحركة حماس في خان يونس، ما أدى إلى مقتل "
        "أربعة مسلحين. ونفت الحركة وجود أسلحة في المكان."),
        events=[
            E("قصفت", "ASSAULT", mode="aerial", src=C("ISR", "MIL"), tgt=N("Hamas", "PSE"), alt_triggers=[("مقتل", 1)]),
        ]),
    dict(published="2023-03-21", text=(
        "اتهمت كوريا الشمالية الولايات المتحدة وكوريا الجنوبية بالتحضير لغزو، وهددت بالرد على أي استفزاز. "
        "وكانت واشنطن وسيول قد أجرتا مناورات عسكرية مشتركة الأسبوع الماضي."),
        events=[
            E("اتهمت", "ACCUSE", mode="allege", src=N("North Korea", "PRK"), tgt=N("United States", "USA")),
            E("لغزو", "ASSAULT", "possible", optional=True),
            E("وهددت", "THREATEN", src=N("North Korea", "PRK")),
            E("مناورات عسكرية مشتركة", "COOPERATE", alt_types=["MOBILIZE"], src=C("USA"), tgt=C("KOR")),
        ]),
    dict(published="2021-10-04", text=(
        "استدعت وزارة الخارجية الجزائرية السفير الفرنسي في الجزائر احتجاجا على تصريحات الرئيس الفرنسي. "
        "وطالبت الوزارة باريس بتقديم توضيحات."),
        events=[
            E("استدعت", "ACCUSE", src=C("DZA", "GOV"), tgt=C("FRA", "GOV"), alt_types=["SANCTION"]),
            E("احتجاجا", "PROTEST", optional=True),
            E("وطالبت", "REQUEST", src=C("DZA", "GOV"), tgt=N("France", "FRA")),
        ]),
    dict(published="2024-02-27", text=(
        "قالت الشرطة الكينية إن ثلاثة من عناصرها قتلوا في هجوم نفذه مسلحون من حركة الشباب قرب الحدود الصومالية."),
        events=[
            E("هجوم", "ASSAULT", src=N("al-Shabaab", "SOM"), tgt=C("KEN", "GOV"), alt_triggers=[("قتلوا", 1)]),
        ]),
    dict(published="2024-04-09", text=(
        "وقّع وزيرا خارجية تركيا وأذربيجان في أنقرة مذكرة تفاهم للتعاون في مجال الطاقة."),
        events=[
            E("وقّع", "AGREE", src=C("TUR", "GOV"), tgt=C("AZE", "GOV"), alt_triggers=[("مذكرة تفاهم", 1)]),
            E("للتعاون", "COOPERATE", optional=True),
        ]),
    dict(published="2023-08-14", text=(
        "أعلنت السلطات الإيرانية اعتقال ناشطة حقوقية بارزة في طهران بتهمة الدعاية ضد النظام، فيما طالبت منظمة "
        "العفو الدولية بالإفراج عنها فورا."),
        events=[
            E("اعتقال", "COERCE", mode="arrest", src=C("IRN", "GOV"), tgt=C("IRN", "CVL"), loc="Tehran"),
            E("طالبت", "REQUEST", src=N("Amnesty International", sector="NGO")),
            E("بالإفراج", "RETREAT", "requested", mode="release", optional=True),
        ]),
    dict(published="2024-01-29", text=(
        "التقى وزير الخارجية العماني بدر البوسعيدي في مسقط المبعوث الأمريكي الخاص إلى اليمن، وبحث معه جهود "
        "التوصل إلى هدنة دائمة."),
        events=[
            E("التقى", "CONSULT", src=C("OMN", "GOV"), tgt=C("USA", "GOV"), loc="Muscat", alt_triggers=[("وبحث", 1)]),
            E("هدنة", "AGREE", "requested", optional=True, alt_types=["CONCEDE"]),
        ]),
    # third arguments pass (docs/plover.md): written for its kinds, gold written before the output was seen
    dict(published="2024-06-10", text=(
        "أربيل - تعرضت قاعدة تستضيف قوات أمريكية قرب مطار أربيل أمس الأحد لهجوم بطائرة مسيرة أدى إلى إصابة جنديين "
        "أمريكيين بجروح طفيفة. وشنت فصائل مسلحة في سوريا والعراق هجمات استهدفت الولايات المتحدة وشركاءها الغربيين "
        "خلال الأسابيع الماضية."),
        events=[
            E("هجوم بطائرة مسيرة", "ASSAULT", mode="drone", tgt=C("USA", "MIL"), loc="Erbil",
              date="2024-06-09", alt_triggers=[("إصابة", 1)]),
            E("هجمات", "ASSAULT", tgt=C("USA"), loc="Syria", alt_triggers=[("استهدفت", 1)]),
        ]),
    dict(published="2024-06-11", text=(
        "دعا وزير الخارجية الأردني في مؤتمر صحفي عقده في عمان مساء أمس إلى زيادة التعاون الاقتصادي مع العراق. "
        "وأكد الوزير أن الأردن سيواصل إرسال المساعدات إلى قطاع غزة، مطالباً الدول المانحة بزيادة تمويل وكالة الأونروا."),
        events=[
            E("دعا", "REQUEST", src=C("JOR", "GOV")),
            E("التعاون", "COOPERATE", "requested", tgt=C("IRQ")),
            E("المساعدات", "AID", "planned", src=C("JOR"), alt_triggers=[("إرسال", 1), ("سيواصل", 1)]),
            E("مطالباً", "REQUEST", src=C("JOR", "GOV")),
            E("تمويل", "AID", "requested", optional=True),
        ]),
    dict(published="2024-06-12", text=(
        "وصل الرئيس الموريتاني إلى الرباط صباح اليوم في زيارة تستمر يومين، وعقد خلالها مباحثات مع العاهل المغربي. "
        "ووقع الجانبان اتفاقية للتعاون في مجال الطاقة."),
        events=[
            E("زيارة", "CONSULT", mode="visit", src=C("MRT", "GOV"), tgt=C("MAR"), loc="Rabat", date="2024-06-12",
              alt_triggers=[("وصل", 1)]),
            E("مباحثات", "CONSULT", src=C("MRT", "GOV"), tgt=C("MAR", "GOV"), loc="Rabat"),
            E("ووقع", "AGREE", src=C("MRT", "GOV"), tgt=C("MAR", "GOV"), alt_triggers=[("اتفاقية", 1)]),
        ]),
    dict(published="2024-06-14", text=(
        "الخرطوم - قتل خمسة مدنيين وأصيب عشرة آخرون في قصف مدفعي استهدف سوقا شعبيا أمس الخميس. "
        "وشهدت مدينة بورتسودان مظاهرات تطالب بوقف الحرب."),
        events=[
            E("قصف مدفعي", "ASSAULT", mode="heavy-weapons", tgt=C("SDN", "CVL"), loc="Khartoum", date="2024-06-13",
              alt_triggers=[("قتل", 1), ("وأصيب", 1), ("استهدف", 1)]),
            E("مظاهرات", "PROTEST", mode="demo", loc="Port Sudan"),
            E("بوقف", "CONCEDE", "requested", optional=True, alt_types=["AGREE", "RETREAT"]),
        ]),
]


def _span(text: str, t: str, n: int) -> dict[str, Any]:
    pos = -1
    for _ in range(n):
        pos = text.find(t, pos + 1)
        if pos < 0:
            raise ValueError(f"{t!r} (occurrence {n}) not in text")
    assert text[pos : pos + len(t)] == t
    return {"start": pos, "end": pos + len(t), "text": t}


def build() -> list[Path]:
    out: list[Path] = []
    for old in HERE.glob("*-[0-9][0-9].*"):
        old.unlink()
    numbered = list(enumerate(ARTICLES, start=1)) + list(enumerate(DEV_EXTRA, start=len(ARTICLES) + 1))
    for i, art in numbered:
        split = "dev" if i <= SPLIT_AT or i > len(ARTICLES) else "test"
        name = f"{split}-{i:02d}"
        text = art["text"]
        (HERE / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        events = []
        for ev in art["events"]:
            g: dict[str, Any] = {"trigger": _span(text, ev["t"], ev["n"]), "type": ev["type"], "status": ev["status"]}
            if ev.get("alt_types"):
                g["alt_types"] = ev["alt_types"]
            if ev.get("alt_triggers"):
                g["alt_triggers"] = [_span(text, t, n) for t, n in ev["alt_triggers"]]
            for k_in, k_out in (("mode", "mode"), ("src", "source"), ("tgt", "target"), ("loc", "location"), ("date", "date")):
                if ev.get(k_in):
                    g[k_out] = ev[k_in]
            if ev.get("optional"):
                g["optional"] = True
            events.append(g)
        gold = {"doc": f"tests/data/events/{name}.txt", "published": art["published"], "language": "ar",
                "split": split, "events": events}
        p = HERE / f"{name}.gold.json"
        p.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        out.append(p)
    return out


if __name__ == "__main__":
    paths = build()
    n_ev = sum(len(a["events"]) for a in ARTICLES + DEV_EXTRA)
    print(f"wrote {len(paths)} gold files, {n_ev} events")
