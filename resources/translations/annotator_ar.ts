<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AdjudicationActions</name>
    <message>
        <location filename="../../ui/lead/actions.py" line="35" />
        <location filename="../../ui/lead/keys.py" line="39" />
        <source>&amp;Decision</source>
        <translation>&amp;القرار</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="43" />
        <source>&amp;Accept the selected version</source>
        <translation>&amp;قبول الصيغة المحددة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="44" />
        <source>&amp;Edit into gold…</source>
        <translation>&amp;تعديلها إلى الطبقة الذهبية…</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="45" />
        <source>&amp;Reject the selected version (again: take back)</source>
        <translation>&amp;رفض الصيغة المحددة (ومرة أخرى: التراجع عن الرفض)</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="47" />
        <source>Reject the whole &amp;place</source>
        <translation>رفض ال&amp;موضع كله</translation>
    </message>
    <message>
        <location filename="../../ui/lead/actions.py" line="40" />
        <source>A&amp;dd the selected words as</source>
        <translation>إ&amp;ضافة الكلمات المحددة بوسم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="24" />
        <source>Places</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="26" />
        <source>&amp;Next open place</source>
        <translation>الموضع المفتوح ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="27" />
        <source>Pre&amp;vious open place</source>
        <translation>الموضع المفتوح ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="28" />
        <source>Next place, settled ones too</source>
        <translation>الموضع التالي، والمحسوم منها أيضًا</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="30" />
        <source>Previous place, settled ones too</source>
        <translation>الموضع السابق، والمحسوم منها أيضًا</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="32" />
        <source>Next version of the place</source>
        <translation>الصيغة التالية للموضع</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="33" />
        <source>Previous version of the place</source>
        <translation>الصيغة السابقة للموضع</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="35" />
        <source>Deselect the words</source>
        <translation>إلغاء تحديد الكلمات</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="41" />
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="42" />
        <source>accept that version into gold</source>
        <translation>قبول تلك الصيغة في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="48" />
        <source>Select words and press a label key to add a span no coder made; a new gold span replaces the gold span of the same label it overlaps.</source>
        <translation>حدِّد كلمات واضغط مفتاح وسم لإضافة مقطع لم يضعه أي مرمِّز؛ المقطع الذهبي الجديد يحل محل المقطع الذهبي ذي الوسم نفسه الذي يتداخل معه.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="51" />
        <source>Put &amp;unanimous spans into gold</source>
        <translation>إدراج المقاطع المت&amp;فق عليها في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="57" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="52" />
        <source>Auto-adjudicate: what &amp;most coders agree on</source>
        <translation>تحكيم آلي: ما اتفق عليه أ&amp;غلب المرمِّزين</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="53" />
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="54" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="55" />
        <source>&amp;Close</source>
        <translation>إ&amp;غلاق</translation>
    </message>
    <message>
        <location filename="../../ui/lead/actions.py" line="63" />
        <location filename="../../ui/lead/keys.py" line="61" />
        <source>D&amp;ocument</source>
        <translation>ال&amp;مقال</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="63" />
        <source>Settled: &amp;next document with open places</source>
        <translation>حُسم: المقال التالي ذو المواضع الم&amp;فتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="65" />
        <source>N&amp;ext document</source>
        <translation>المقال ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="66" />
        <source>&amp;Previous document</source>
        <translation>المقال ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="67" />
        <source>&amp;Read the queue and figures afresh</source>
        <translation>إعادة &amp;قراءة القائمة والأرقام</translation>
    </message>
    <message>
        <location filename="../../ui/lead/actions.py" line="69" />
        <location filename="../../ui/lead/keys.py" line="71" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="73" />
        <source>&amp;Adjudicate</source>
        <translation>ال&amp;تحكيم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="74" />
        <source>A&amp;greement</source>
        <translation>الا&amp;تفاق</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="75" />
        <source>Back to the &amp;article</source>
        <translation>العودة إلى ال&amp;مقال</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="76" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="77" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../ui/lead/actions.py" line="77" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/keys.py" line="78" />
        <source>&amp;Keys</source>
        <translation>&amp;المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/lead/actions.py" line="97" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>AdjudicationQueue</name>
    <message>
        <location filename="../../ui/lead/queue.py" line="122" />
        <source>No document is finished by two or more coders yet. Merge the coders' files (Lead &gt; Merge coder files… in the main window), then open the merged project.</source>
        <translation>لا مقال أنجزه مرمِّزان أو أكثر بعد. ادمج ملفات المرمِّزين (المشرف &gt; دمج ملفات المرمِّزين… في النافذة الرئيسية)، ثم افتح المشروع المدموج.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="128" />
        <source>Open places: %1 in %2 of %3 documents.</source>
        <translation>المواضع المفتوحة: %1 في %2 من %3 مقالات.</translation>
    </message>
</context>
<context>
    <name>AdjudicationQueueModel</name>
    <message>
        <location filename="../../ui/lead/queue.py" line="50" />
        <source>Document</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="50" />
        <source>Open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="50" />
        <source>Places</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="50" />
        <source>Coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="50" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="55" />
        <source>Places where the coders still differ</source>
        <translation>مواضع ما زال المرمِّزون يختلفون فيها</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="56" />
        <source>Places where any coder made a span</source>
        <translation>مواضع وضع فيها أحد المرمِّزين مقطعًا</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="57" />
        <source>Coders who finished the document</source>
        <translation>المرمِّزون الذين أنجزوا المقال</translation>
    </message>
    <message>
        <location filename="../../ui/lead/queue.py" line="58" />
        <source>Your status of the document: done once nothing is open</source>
        <translation>حالة المقال عندك: منجز متى لم يبقَ شيء مفتوح</translation>
    </message>
</context>
<context>
    <name>AdjudicationSession</name>
    <message>
        <location filename="../../ui/lead/commands.py" line="188" />
        <source>Auto-adjudication (%s)</source>
        <translation>تحكيم آلي (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="168" />
        <location filename="../../ui/lead/session.py" line="380" />
        <source>Every place in this document is settled: Ctrl+Enter for the next document.</source>
        <translation>حُسمت كل مواضع هذا المقال: Ctrl+Enter للمقال التالي.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="182" />
        <source>Version %s is already in gold.</source>
        <translation>الصيغة %s في الطبقة الذهبية أصلًا.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="187" />
        <source>Accept %s</source>
        <translation>قبول %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="188" />
        <source>Version %1 accepted into gold.</source>
        <translation>قُبلت الصيغة %1 في الطبقة الذهبية.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="203" />
        <source>Take back rejection</source>
        <translation>التراجع عن الرفض</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="207" />
        <source>Reject %s</source>
        <translation>رفض %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="208" />
        <source>Version %1 rejected.</source>
        <translation>رُفضت الصيغة %1.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="217" />
        <source>No open version here.</source>
        <translation>لا صيغة مفتوحة هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="219" />
        <source>Reject the place</source>
        <translation>رفض الموضع</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="226" />
        <source>Withdraw %s</source>
        <translation>سحب %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="256" />
        <source>Edit %s</source>
        <translation>تعديل %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="264" />
        <source>Select the words of the missing span first, then press its label key.</source>
        <translation>حدِّد كلمات المقطع الناقص أولًا، ثم اضغط مفتاح وسمه.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="270" />
        <source>This span is already in gold.</source>
        <translation>هذا المقطع في الطبقة الذهبية أصلًا.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="275" />
        <source>Add %s</source>
        <translation>إضافة %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="278" />
        <source>Added to gold. E edits its attributes.</source>
        <translation>أُضيف إلى الطبقة الذهبية. E لتعديل سماته.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="286" />
        <source>Accept event %s</source>
        <translation>قبول الحدث %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="288" />
        <source>Event accepted into gold with its spans.</source>
        <translation>قُبل الحدث في الطبقة الذهبية مع مقاطعه.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="295" />
        <source>Withdraw event %s</source>
        <translation>سحب الحدث %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/session.py" line="398" />
        <source>This place has no version %s.</source>
        <translation>لا صيغة %s لهذا الموضع.</translation>
    </message>
</context>
<context>
    <name>AdjudicationView</name>
    <message>
        <location filename="../../ui/lead/view.py" line="391" />
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <location filename="../../ui/lead/view.py" line="392" />
        <source>in gold</source>
        <translation>في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/lead/view.py" line="393" />
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../ui/lead/view.py" line="394" />
        <source>settled otherwise</source>
        <translation>حُسم بغيره</translation>
    </message>
</context>
<context>
    <name>AdjudicationWindow</name>
    <message>
        <location filename="../../ui/lead/window.py" line="60" />
        <source>Adjudication — %s</source>
        <translation>التحكيم — %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="62" />
        <source>(read-only)</source>
        <translation>(للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="106" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="109" />
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="130" />
        <source>Adjudicate</source>
        <translation>التحكيم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="131" />
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="215" />
        <location filename="../../ui/lead/window.py" line="294" />
        <source>No place selected: Tab goes to the next open place.</source>
        <translation>لم يُحدَّد موضع: Tab للانتقال إلى الموضع المفتوح التالي.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="280" />
        <source>Bands under each line, one per coder, top to bottom: &lt;b&gt;%1&lt;/b&gt;. Places: %2, open: %3, all agreed: %4. Your status: %5.</source>
        <translation>تحت كل سطر شريط لكل مرمِّز، من الأعلى إلى الأسفل: &lt;b&gt;%1&lt;/b&gt;. المواضع: %2، المفتوحة: %3، المتفق عليها كلها: %4. حالتك: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="298" />
        <source>a gold span no coder made</source>
        <translation>مقطع ذهبي لم يضعه أي مرمِّز</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="302" />
        <source>settled</source>
        <translation>محسوم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="304" />
        <source>Place %1 of %2</source>
        <translation>الموضع %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="306" />
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="307" />
        <source>extent</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="308" />
        <source>attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="309" />
        <source>not every coder tagged it</source>
        <translation>لم يوسمه كل المرمِّزين</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="313" />
        <source>the coders differ on: %s</source>
        <translation>يختلف المرمِّزون في: %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="315" />
        <source>every coder made the same span</source>
        <translation>وضع كل المرمِّزين المقطع نفسه</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="321" />
        <source>Open places: %1 — documents settled: %2 / %3</source>
        <translation>المواضع المفتوحة: %1 — المقالات المحسومة: %2 من %3</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="354" />
        <source>That document is not finished by two coders: nothing to adjudicate.</source>
        <translation>لم يُنجز هذا المقالَ مرمِّزان: لا شيء للتحكيم فيه.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="361" />
        <source>No more documents in the queue.</source>
        <translation>لا مزيد من المقالات في القائمة.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="374" />
        <source>Open places</source>
        <translation>مواضع مفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="375" />
        <source>%s place(s) of this document are still open. Leave them open and go to the next document?</source>
        <translation>ما زال %s موضع(مواضع) في هذا المقال مفتوحًا. أتتركها مفتوحة وتنتقل إلى المقال التالي؟</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="384" />
        <source>Every document is settled. Export the gold layer with File &gt; Export (layer: gold).</source>
        <translation>حُسمت كل المقالات. صدِّر الطبقة الذهبية من ملف &gt; تصدير (الطبقة: gold).</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="394" />
        <source>The project is open read-only: nothing goes into gold.</source>
        <translation>المشروع مفتوح للقراءة فقط: لا يُدرَج شيء في الطبقة الذهبية.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="409" />
        <source>No place every coder agreed on is waiting for gold.</source>
        <translation>لا موضع اتفق عليه كل المرمِّزين ينتظر الإدراج في الطبقة الذهبية.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="415" />
        <source>%1 span(s) and %2 event(s) every coder agreed on went into gold (Ctrl+Z takes them back).</source>
        <translation>أُدرج في الطبقة الذهبية %1 مقطع و%2 حدث اتفق عليها كل المرمِّزين (Ctrl+Z يتراجع عنها).</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="425" />
        <source>Put unanimous spans into gold (%1)</source>
        <translation>إدراج المقاطع المتفق عليها في الطبقة الذهبية (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="427" />
        <source>%1 place(s) every coder agreed on are not in gold yet; this puts them there as one step that Ctrl+Z takes back. Key: %2</source>
        <translation>%1 موضع اتفق عليه كل المرمِّزين ليس في الطبقة الذهبية بعد؛ هذا يدرجها فيها خطوةً واحدة يتراجع عنها Ctrl+Z. المفتاح: %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="439" />
        <source>Auto-adjudication</source>
        <translation>التحكيم الآلي</translation>
    </message>
    <message>
        <location filename="../../ui/lead/window.py" line="459" />
        <source>Adjudication</source>
        <translation>التحكيم</translation>
    </message>
</context>
<context>
    <name>AgreementDashboard</name>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="42" />
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="100" />
        <source>Agreement is measured on the documents the coders marked done.</source>
        <translation>يُقاس الاتفاق على المقالات التي علّمها المرمِّزون منجزة.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="103" />
        <source>Compute again</source>
        <translation>أعد الحساب</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="104" />
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="106" />
        <source>Save as HTML report…</source>
        <translation>حفظ كتقرير HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="114" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="123" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="114" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="119" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="222" />
        <source>F1 exact</source>
        <translation>F1 تام</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="114" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="119" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="222" />
        <source>F1 overlap</source>
        <translation>F1 بالتداخل</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="114" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="120" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="222" />
        <source>Token kappa</source>
        <translation>كابا الكلمات</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="115" />
        <source>Fleiss' kappa</source>
        <translation>كابا فلايس</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="115" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="222" />
        <source>Krippendorff's alpha</source>
        <translation>ألفا كريبندورف</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="119" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="126" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="132" />
        <source>Coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="119" />
        <source>Documents</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="119" />
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="123" />
        <source>Attribute</source>
        <translation>السمة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="123" />
        <source>Compared</source>
        <translation>قورنت</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="123" />
        <source>Agreed</source>
        <translation>اتفقت</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="123" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="178" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="278" />
        <location filename="../../ui/lead/agreement_dashboard.py" line="280" />
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="126" />
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="126" />
        <source>Matched</source>
        <translation>تطابقت</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="126" />
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="126" />
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="127" />
        <source>Event F1</source>
        <translation>F1 الأحداث</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="127" />
        <source>Casualty value alpha (interval)</source>
        <translation>ألفا أعداد الضحايا (مقياس فتري)</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="130" />
        <source>Events match when they have the same type and the spans of a role other than source and date overlap.</source>
        <translation>يتطابق حدثان إذا كانا من النوع نفسه وتداخلت مقاطعهما في دور غير المصدر (source) والتاريخ (date).</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="132" />
        <source>Document</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="132" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="132" />
        <source>Places where coders differ</source>
        <translation>مواضع الاختلاف</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="133" />
        <source>Places</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="133" />
        <source>Tokens labelled differently</source>
        <translation>كلمات وُسمت بخلاف</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="136" />
        <source>Enter or double click: adjudicate this document</source>
        <translation>Enter أو نقرة مزدوجة: التحكيم في هذا المقال</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="139" />
        <source>Per label (F1 and token kappa: mean over coder pairs)</source>
        <translation>لكل وسم (F1 وكابا الكلمات: متوسط أزواج المرمِّزين)</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="140" />
        <source>Agreement per label</source>
        <translation>الاتفاق لكل وسم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="142" />
        <source>Coder pairs, all labels</source>
        <translation>أزواج المرمِّزين، كل الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="143" />
        <source>Attributes of exactly matched spans</source>
        <translation>سمات المقاطع المتطابقة تمامًا</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="144" />
        <source>Events of coder pairs, matched by their slots</source>
        <translation>أحداث أزواج المرمِّزين، مطابَقةً حسب خاناتها</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="150" />
        <source>Documents, most disagreement first</source>
        <translation>المقالات، الأكثر اختلافًا أولًا</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="174" />
        <source>No agreement figures: %s</source>
        <translation>لا أرقام للاتفاق: %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="188" />
        <source>Coders: %1. Documents finished by all: %2 (%3 tokens); by at least two: %4. Fleiss' kappa &lt;b&gt;%5&lt;/b&gt;, Krippendorff's alpha &lt;b&gt;%6&lt;/b&gt;.</source>
        <translation>المرمِّزون: %1. المقالات التي أنجزها الجميع: %2 (%3 كلمة)؛ وأنجزها اثنان على الأقل: %4. كابا فلايس &lt;b&gt;%5&lt;/b&gt;، ألفا كريبندورف &lt;b&gt;%6&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="199" />
        <source>Not compared (no document marked done): %s</source>
        <translation>لم يُقارَن (لم يُعلِّم أي مقال منجزًا): %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="271" />
        <source>Save the agreement report</source>
        <translation>حفظ تقرير الاتفاق</translation>
    </message>
    <message>
        <location filename="../../ui/lead/agreement_dashboard.py" line="280" />
        <source>Report saved as %s</source>
        <translation>حُفظ التقرير باسم %s</translation>
    </message>
</context>
<context>
    <name>AttributeForm</name>
    <message>
        <location filename="../../ui/widgets/attribute_form.py" line="62" />
        <source>No span selected</source>
        <translation>لم يُحدَّد مقطع</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attribute_form.py" line="112" />
        <source>No span selected: select text and press a label key.</source>
        <translation>لم يُحدَّد مقطع: حدِّد نصًا واضغط مفتاح وسم.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attribute_form.py" line="133" />
        <source>Suggestion — %1 accepts, %2 rejects</source>
        <translation>اقتراح — %1 للقبول، %2 للرفض</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attribute_form.py" line="137" />
        <source>Suggested by: %1</source>
        <translation>اقترحه: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attribute_form.py" line="141" />
        <source>Missing: %s</source>
        <translation>ناقص: %s</translation>
    </message>
</context>
<context>
    <name>BackgroundTraining</name>
    <message>
        <location filename="../../ui/coder/learning.py" line="66" />
        <source>Learning from your documents</source>
        <translation>التعلّم من مقالاتك</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/coder/learning.py" line="74" />
        <source>Suggestions learned from %n finished document(s).</source>
        <translation>
            <numerusform>اقتراحات متعلَّمة من %n مقال منجز.</numerusform>
            <numerusform>اقتراحات متعلَّمة من %n مقال منجز.</numerusform>
            <numerusform>اقتراحات متعلَّمة من %n مقال منجز.</numerusform>
            <numerusform>اقتراحات متعلَّمة من %n مقال منجز.</numerusform>
            <numerusform>اقتراحات متعلَّمة من %n مقال منجز.</numerusform>
            <numerusform>اقتراحات متعلَّمة من %n مقال منجز.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coder/learning.py" line="77" />
        <source>Could not learn from your documents: %1</source>
        <translation>تعذّر التعلّم من مقالاتك: %1</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/widgets/bar_chart.py" line="67" />
        <source>No figures to show.</source>
        <translation>لا أرقام لعرضها.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bar_chart.py" line="99" />
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <location filename="../../ui/widgets/document_header.py" line="41" />
        <source>No document: import articles with File &gt; Import.</source>
        <translation>لا مقالات: استورد مقالات من ملف &gt; استيراد.</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../ui/coder/document_panel.py" line="23" />
        <source>Flag for the lead</source>
        <translation>إشارة للمشرف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/document_panel.py" line="26" />
        <source>Comment on this document (saved when you leave the box)</source>
        <translation>تعليق على هذا المقال (يُحفظ عند مغادرة المربع)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/document_panel.py" line="31" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>DocumentQueue</name>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="106" />
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="107" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="108" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="109" />
        <source>skipped</source>
        <translation>متخطّى</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="127" />
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="128" />
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="129" />
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="130" />
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="131" />
        <source>Skipped</source>
        <translation>متخطّى</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="132" />
        <source>Flagged</source>
        <translation>مُشار إليه</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="136" />
        <source>Search (ignores tashkeel, tatweel, hamza forms)</source>
        <translation>بحث (يتجاهل التشكيل والتطويل وصور الهمزة)</translation>
    </message>
</context>
<context>
    <name>DocumentQueueModel</name>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="57" />
        <source>Document</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="57" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="57" />
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="79" />
        <source>%1 span(s), %2 suggestion(s) pending</source>
        <translation>%1 مقطع، و%2 اقتراح بانتظار القرار</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="84" />
        <source>Flagged for the lead</source>
        <translation>مُعلَّم للمشرف</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/document_queue.py" line="86" />
        <location filename="../../ui/widgets/document_queue.py" line="91" />
        <source>Near-duplicate of %s</source>
        <translation>شبه مكرر لـ %s</translation>
    </message>
</context>
<context>
    <name>DoneWarning</name>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="33" />
        <source>%n suggestion(s) not yet accepted or rejected</source>
        <translation>%n اقتراح لم يُقبَل ولم يُرفَض بعد</translation>
    </message>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="39" />
        <source>%n suggested event(s) not yet accepted or rejected</source>
        <translation>%n حدث مقترح لم يُقبَل ولم يُرفَض بعد</translation>
    </message>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="46" />
        <source>«%1»: value %2, but the text reads %3</source>
        <translation>«%1»: القيمة %2، لكن النص يقول %3</translation>
    </message>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="52" />
        <source>«%1»: required attributes missing: %2</source>
        <translation>«%1»: سمات مطلوبة ناقصة: %2</translation>
    </message>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="55" />
        <source>and %n more</source>
        <translation>و%n غيرها</translation>
    </message>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="60" />
        <source>Mark done?</source>
        <translation>تعليمه منجزًا؟</translation>
    </message>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="60" />
        <source>This document still has loose ends:</source>
        <translation>ما زالت في هذا المقال أمور معلّقة:</translation>
    </message>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="64" />
        <source>Mark done anyway</source>
        <translation>تعليمه منجزًا رغم ذلك</translation>
    </message>
    <message>
        <location filename="../../ui/coder/done_warning.py" line="65" />
        <source>Go to the first</source>
        <translation>الانتقال إلى أولها</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../ui/coder/session.py" line="108" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../ui/coder/session.py" line="144" />
        <source>Relabel</source>
        <translation>تغيير الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/coder/session.py" line="154" />
        <source>Proclitic</source>
        <translation>السابقة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/session.py" line="161" />
        <source>Resize</source>
        <translation>تغيير الحدود</translation>
    </message>
    <message>
        <location filename="../../ui/coder/session.py" line="239" />
        <source>Clear %s</source>
        <translation>إفراغ خانة %s</translation>
    </message>
    <message>
        <location filename="../../ui/coder/session.py" line="242" />
        <source>Fill %s</source>
        <translation>ملء خانة %s</translation>
    </message>
    <message>
        <location filename="../../ui/coder/session.py" line="248" />
        <source>Edit %s event</source>
        <translation>تعديل حدث %s</translation>
    </message>
    <message>
        <source>Accept event suggestion</source>
        <translation>قبول اقتراح الحدث</translation>
    </message>
    <message>
        <location filename="../../ui/coder/session.py" line="265" />
        <source>Reject event suggestion</source>
        <translation>رفض اقتراح الحدث</translation>
    </message>
    <message>
        <source>Add %s</source>
        <translation>إضافة %s</translation>
    </message>
    <message>
        <source>Delete %s</source>
        <translation>حذف %s</translation>
    </message>
    <message>
        <source>Edit %s</source>
        <translation>تعديل %s</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>New %s event</source>
        <translation>حدث %s جديد</translation>
    </message>
    <message>
        <source>Delete %s event</source>
        <translation>حذف حدث %s</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <location filename="../../ui/coder/event_form.py" line="51" />
        <source>No current event: select a span and press an event key.</source>
        <translation>لا حدث حالي: حدِّد مقطعًا واضغط مفتاح حدث.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/event_form.py" line="57" />
        <source>Attributes of %s</source>
        <translation>سمات %s</translation>
    </message>
</context>
<context>
    <name>EventModel</name>
    <message>
        <location filename="../../ui/coder/event_model.py" line="166" />
        <source>Event, role, span</source>
        <translation>الحدث، الدور، المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/coder/event_model.py" line="166" />
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../ui/coder/event_model.py" line="200" />
        <source>A suggested event: %1 accepts it, %2 rejects it.</source>
        <translation>حدث مقترَح: %1 لقبوله، %2 لرفضه.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/event_model.py" line="218" />
        <source>(suggested)</source>
        <translation>(مقترَح)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/event_model.py" line="225" />
        <source>%s (empty)</source>
        <translation>%s (فارغ)</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <location filename="../../ui/coder/event_panel.py" line="81" />
        <source>Select a span, then press an event key to start an event: %s.</source>
        <translation>حدِّد مقطعًا، ثم اضغط مفتاح حدث لبدء حدث: %s.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/event_panel.py" line="90" />
        <source>Event mode (%1): a role key puts the selected span in that role: %2. %3 leaves event mode.</source>
        <translation>وضع الحدث (%1): مفتاح الدور يضع المقطع المحدَّد في ذلك الدور: %2. %3 للخروج من وضع الحدث.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/event_panel.py" line="35" />
        <source>Accept event into gold</source>
        <translation>قبول الحدث في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/lead/event_panel.py" line="36" />
        <source>Put the chosen coder's event into gold, with the spans it needs.</source>
        <translation>إدخال حدث المرمِّز المختار في الطبقة الذهبية، مع المقاطع التي يحتاج إليها.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/event_panel.py" line="37" />
        <source>Withdraw gold event</source>
        <translation>سحب الحدث الذهبي</translation>
    </message>
    <message>
        <location filename="../../ui/lead/event_panel.py" line="60" />
        <source>gold</source>
        <translation>الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/lead/event_panel.py" line="95" />
        <source>every coder</source>
        <translation>كل المرمِّزين</translation>
    </message>
    <message>
        <location filename="../../ui/lead/event_panel.py" line="97" />
        <source>in gold</source>
        <translation>في الطبقة الذهبية</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="35" />
        <source>JSONL (our record, every layer)</source>
        <translation>JSONL (سجلّنا، كل الطبقات)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="36" />
        <source>CoNLL IOB2</source>
        <translation>CoNLL IOB2</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="37" />
        <source>Hugging Face datasets (folder)</source>
        <translation>مجموعة بيانات Hugging Face (مجلد)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="38" />
        <source>spaCy DocBin</source>
        <translation>spaCy DocBin</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="39" />
        <source>brat standoff (folder)</source>
        <translation>brat standoff (مجلد)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="40" />
        <source>HTML review report</source>
        <translation>تقرير مراجعة HTML</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="41" />
        <source>Your own jinja2 template</source>
        <translation>قالب jinja2 خاص بك</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="42" />
        <source>Events dataset, one row per event (CSV, JSONL or Parquet by the file's suffix)</source>
        <translation>مجموعة بيانات الأحداث، صف لكل حدث (CSV أو JSONL أو Parquet حسب امتداد الملف)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="45" />
        <source>Label Studio tasks (spans as predictions, for review)</source>
        <translation>مهام Label Studio (المقاطع تنبؤات، للمراجعة)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="46" />
        <source>Parquet tables (folder: documents, spans, events)</source>
        <translation>جداول Parquet (مجلد: المقالات والمقاطع والأحداث)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="54" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="60" />
        <source>Default (every layer; gold or the only coder for training formats)</source>
        <translation>الافتراضي (كل الطبقات؛ الذهبية أو المرمِّز الوحيد لصيغ التدريب)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="64" />
        <source>Default (done for training formats, else every document)</source>
        <translation>الافتراضي (المنجزة لصيغ التدريب، وإلا كل المقالات)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="65" />
        <source>Only documents marked done</source>
        <translation>المقالات المنجزة فقط</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="66" />
        <source>Every document</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="68" />
        <source>e.g. 80,10,10 (train, dev, test); empty for no split</source>
        <translation>مثلًا 80,10,10 (تدريب، تطوير، اختبار)؛ فارغ من دون تقسيم</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="71" />
        <source>Split proclitics into tokens of their own</source>
        <translation>فصل السوابق في وحدات مستقلة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="72" />
        <source>Include pending suggestions</source>
        <translation>تضمين الاقتراحات المعلّقة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="74" />
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="80" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="81" />
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="82" />
        <source>Documents</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="83" />
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="84" />
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/export_dialog.py" line="85" />
        <location filename="../../ui/coder/export_dialog.py" line="109" />
        <source>Template</source>
        <translation>القالب</translation>
    </message>
</context>
<context>
    <name>GoldEditor</name>
    <message>
        <location filename="../../ui/lead/gold_editor.py" line="44" />
        <source>Edit into gold</source>
        <translation>التعديل إلى الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../ui/lead/gold_editor.py" line="52" />
        <source>A label key relabels the span, or tags the words you select instead. S / E grow its start / end by a word (Shift: shrink, Alt: by a letter). Tab: the attributes. Enter: into gold. Esc: cancel.</source>
        <translation>مفتاح الوسم يغيّر وسم المقطع، أو يسِم الكلمات التي تحددها بدلًا منه. S / E يمدّان بدايته / نهايته كلمةً (مع Shift: تقليص، مع Alt: حرفًا). Tab: السمات. Enter: إلى الطبقة الذهبية. Esc: إلغاء.</translation>
    </message>
    <message>
        <location filename="../../ui/lead/gold_editor.py" line="74" />
        <source>Into gold</source>
        <translation>إلى الطبقة الذهبية</translation>
    </message>
</context>
<context>
    <name>KeyEditor</name>
    <message>
        <location filename="../../ui/widgets/key_editor.py" line="41" />
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/key_editor.py" line="41" />
        <location filename="../../ui/widgets/key_editor.py" line="134" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/key_editor.py" line="59" />
        <source>&amp;Assign</source>
        <translation>&amp;تعيين</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/key_editor.py" line="61" />
        <source>No &amp;key</source>
        <translation>بلا &amp;مفتاح</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/key_editor.py" line="63" />
        <source>&amp;Default</source>
        <translation>الا&amp;فتراضي</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/key_editor.py" line="65" />
        <source>&amp;Restore all defaults</source>
        <translation>&amp;استعادة كل القيم الافتراضية</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/key_editor.py" line="68" />
        <source>New key:</source>
        <translation>المفتاح الجديد:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/key_editor.py" line="77" />
        <source>Label keys come from the codebook: %s. The digits 1 to 9 pick a label or a version.</source>
        <translation>مفاتيح الوسوم مأخوذة من دليل الترميز: %s. الأرقام من 1 إلى 9 تختار وسمًا أو صيغة.</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <location filename="../../ui/keymap.py" line="264" />
        <source>“%1” is already the key of “%2” in this window.</source>
        <translation>«%1» هو مفتاح «%2» في هذه النافذة أصلًا.</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="275" />
        <source>The digits 1 to 9 pick a label or a version; choose another key.</source>
        <translation>الأرقام من 1 إلى 9 تختار وسمًا أو صيغة؛ اختر مفتاحًا آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="279" />
        <source>“%1” is the codebook's key for %2.</source>
        <translation>«%1» هو مفتاح %2 في دليل الترميز.</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="342" />
        <source> or </source>
        <translation> أو </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/coder/main_window.py" line="61" />
        <source>Arabic event annotator — %s</source>
        <translation>أداة ترميز الأحداث العربية — %s</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="63" />
        <source>(read-only)</source>
        <translation>(للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="56" />
        <location filename="../../ui/coder/main_window.py" line="89" />
        <source>Documents</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="90" />
        <source>Span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="203" />
        <source>No word in the selection to tag.</source>
        <translation>لا كلمة في التحديد لوسمها.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="226" />
        <source>Delete a span of an event</source>
        <translation>حذف مقطع تابع لحدث</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="227" />
        <source>This span fills: %1.
Remove it from those events too?</source>
        <translation>يملأ هذا المقطع الخانات: %1.
أتزيله من تلك الأحداث أيضًا؟</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="245" />
        <source>%1 takes %2: tag the words first.</source>
        <translation>يقبل الدور %1 مقاطع %2: سِم الكلمات أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="252" />
        <source>Select a span to put in %s.</source>
        <translation>حدِّد مقطعًا لوضعه في %s.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="339" />
        <source>%1 — done %2 / %3</source>
        <translation>%1 — أُنجز %2 من %3</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="369" />
        <source>No more documents in this list.</source>
        <translation>لا مزيد من المقالات في هذه القائمة.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="381" />
        <source>No search matches in this article.</source>
        <translation>لا نتائج للبحث في هذا المقال.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="411" />
        <source>That was the last document in this list.</source>
        <translation>كان هذا آخر مقال في القائمة.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/main_window.py" line="416" />
        <source>Arabic event annotator</source>
        <translation>أداة ترميز الأحداث العربية</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="92" />
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="93" />
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>المشاريع ال&amp;أخيرة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="94" />
        <source>&amp;Import articles…</source>
        <translation>&amp;استيراد مقالات…</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="95" />
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="99" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="70" />
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="71" />
        <source>&amp;Redo</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="90" />
        <source>Project</source>
        <translation>المشروع</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="98" />
        <source>&amp;Preferences…</source>
        <translation>&amp;التفضيلات…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;المقال</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="60" />
        <source>&amp;Next document</source>
        <translation>المقال ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="61" />
        <source>&amp;Previous document</source>
        <translation>المقال ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="58" />
        <source>Mark &amp;done and go to next</source>
        <translation>تعليم كمُ&amp;نجز والانتقال إلى التالي</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="18" />
        <source>Tagging</source>
        <translation>الترميز</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="20" />
        <source>Select words (mouse, or Shift+arrows; Ctrl+Shift+arrows word by word), then press a label key; with no selection, the key tags the word at the cursor. The span snaps to whole words. On a selected span, a label key relabels it.</source>
        <translation>حدِّد كلمات (بالفأرة، أو Shift+الأسهم؛ Ctrl+Shift+الأسهم كلمةً كلمة)، ثم اضغط مفتاح وسم؛ ومن دون تحديد، يَسِم المفتاح الكلمة التي عند المؤشر. يلتصق المقطع بالكلمات الكاملة. وعلى مقطع محدَّد، يغيّر مفتاح الوسم وسمه.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="27" />
        <source>The selected span</source>
        <translation>المقطع المحدَّد</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="29" />
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="30" />
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="31" />
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="32" />
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="33" />
        <source>Remove the span (a suggestion: reject it)</source>
        <translation>حذف المقطع (والاقتراح: رفضه)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="35" />
        <source>Grow its end by a word</source>
        <translation>مدّ نهايته بكلمة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="36" />
        <source>Shrink its end by a word</source>
        <translation>تقليص نهايته بكلمة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="37" />
        <source>Grow its end by a letter</source>
        <translation>مدّ نهايته بحرف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="38" />
        <source>Shrink its end by a letter</source>
        <translation>تقليص نهايته بحرف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="39" />
        <source>Grow its start by a word</source>
        <translation>مدّ بدايته بكلمة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="40" />
        <source>Shrink its start by a word</source>
        <translation>تقليص بدايته بكلمة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="41" />
        <source>Grow its start by a letter</source>
        <translation>مدّ بدايته بحرف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="42" />
        <source>Shrink its start by a letter</source>
        <translation>تقليص بدايته بحرف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="44" />
        <source>Leave the proclitic out (و|الباغوز), or put it back</source>
        <translation>إخراج السابقة من المقطع (و|الباغوز) أو إعادتها</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="46" />
        <source>Tag every other occurrence in this article the same way</source>
        <translation>وسم كل المواضع الأخرى في هذا المقال بالطريقة نفسها</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="48" />
        <source>Accept a suggestion (dashed underline)</source>
        <translation>قبول اقتراح (تحته خط متقطع)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="50" />
        <source>Reject a suggestion</source>
        <translation>رفض اقتراح</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="51" />
        <source>Deselect</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="52" />
        <source>Alt+letter</source>
        <translation>Alt+حرف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="52" />
        <source>pick an underlined choice in the form</source>
        <translation>اختيار خيار مسطَّر في النموذج</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="59" />
        <source>&amp;Skip and go to next</source>
        <translation>&amp;تخطٍّ والانتقال إلى التالي</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="62" />
        <source>&amp;Flag for the lead</source>
        <translation>إ&amp;شارة للمشرف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="65" />
        <source>&amp;Search documents</source>
        <translation>&amp;بحث في المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="66" />
        <source>Next &amp;match in the article</source>
        <translation>النتيجة ال&amp;تالية في المقال</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="67" />
        <source>Previous matc&amp;h in the article</source>
        <translation>النتيجة ال&amp;سابقة في المقال</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="68" />
        <source>Back to the &amp;article</source>
        <translation>العودة إلى ال&amp;مقال</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="75" />
        <location filename="../../ui/coder/main_window.py" line="94" />
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="77" />
        <source>Select a span and press an event key to start an event: it becomes the current event (event mode). In event mode a role key puts the selected span in that role of the event (pressed again, takes it out); on selected words it first tags them with the role's label. The event panel shows each role's key.</source>
        <translation>حدِّد مقطعًا واضغط مفتاح حدث لبدء حدث: يصبح هو الحدث الحالي (وضع الحدث). في وضع الحدث، يضع مفتاح الدور المقطع المحدَّد في ذلك الدور من الحدث (والضغط عليه مرة أخرى يُخرجه منه)؛ وعلى كلمات محدَّدة، يسِمها أولًا بوسم الدور. تعرض لوحة الأحداث مفتاح كل دور.</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="82" />
        <source>Next event (enters event mode)</source>
        <translation>الحدث التالي (يدخل وضع الحدث)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="83" />
        <source>Previous event (enters event mode)</source>
        <translation>الحدث السابق (يدخل وضع الحدث)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="85" />
        <source>Delete the current event (its spans stay)</source>
        <translation>حذف الحدث الحالي (تبقى مقاطعه)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="106" />
        <source>View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="110" />
        <source>Ctrl+wheel</source>
        <translation>Ctrl+عجلة الفأرة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="110" />
        <source>zoom</source>
        <translation>تكبير وتصغير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="108" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="109" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="111" />
        <source>&amp;Keys</source>
        <translation>&amp;المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="112" />
        <source>&amp;About</source>
        <translation>&amp;حول البرنامج</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Your coder name:</source>
        <translation>اسم المرمِّز:</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Importing %s</source>
        <translation>استيراد %s</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>تصدير إلى</translation>
    </message>
    <message>
        <source>Wrote %1 document(s) to %2</source>
        <translation>كُتب %1 مقال(مقالات) في %2</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Coder name for new projects</source>
        <translation>اسم المرمِّز للمشاريع الجديدة</translation>
    </message>
    <message>
        <source>Article font size</source>
        <translation>حجم خط المقال</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>A new language applies the next time the app starts.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل البرنامج في المرة القادمة.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>About</source>
        <translation>حول البرنامج</translation>
    </message>
    <message>
        <source>&lt;b&gt;Arabic event annotator&lt;/b&gt; %1&lt;br&gt;Annotate Arabic conflict reporting: actors, places, casualty figures.&lt;br&gt;Article font: Noto Naskh Arabic (SIL Open Font License 1.1).</source>
        <translation>&lt;b&gt;أداة ترميز الأحداث العربية&lt;/b&gt; %1&lt;br&gt;ترميز التغطية الإخبارية العربية للنزاعات: الفاعلون والأماكن وأعداد الضحايا.&lt;br&gt;خط المقالات: Noto Naskh Arabic (رخصة SIL Open Font License 1.1).</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>أهلًا بك</translation>
    </message>
    <message>
        <source>Do not show this again</source>
        <translation>لا تُظهر هذا مجددًا</translation>
    </message>
    <message>
        <location filename="../../ui/coder/dialogs.py" line="92" />
        <source>Project in use</source>
        <translation>المشروع قيد الاستخدام</translation>
    </message>
    <message>
        <location filename="../../ui/coder/dialogs.py" line="93" />
        <source>Open it read-only?</source>
        <translation>فتحه للقراءة فقط؟</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="96" />
        <source>Save a &amp;copy…</source>
        <translation>حفظ &amp;نسخة…</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="97" />
        <source>Restore a &amp;backup…</source>
        <translation>استعادة نسخة &amp;احتياطية…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>حفظ نسخة</translation>
    </message>
    <message>
        <source>Copy saved as %s</source>
        <translation>حُفظت النسخة باسم %s</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <source>This project has no backup copies yet.</source>
        <translation>لا نسخ احتياطية لهذا المشروع بعد.</translation>
    </message>
    <message>
        <source>The current state is kept as a copy first.</source>
        <translation>تُحفظ الحالة الحالية في نسخة أولًا.</translation>
    </message>
    <message>
        <source>No pending suggestions in this document.</source>
        <translation>لا اقتراحات معلّقة في هذا المقال.</translation>
    </message>
    <message>
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message numerus="yes">
        <source>Accept the %n pending suggestion(s) of this document as your own spans?</source>
        <translation>
            <numerusform>قبول %n اقتراح(ات) معلّقة في هذا المقال كمقاطع لك؟</numerusform>
            <numerusform>قبول %n اقتراح(ات) معلّقة في هذا المقال كمقاطع لك؟</numerusform>
            <numerusform>قبول %n اقتراح(ات) معلّقة في هذا المقال كمقاطع لك؟</numerusform>
            <numerusform>قبول %n اقتراح(ات) معلّقة في هذا المقال كمقاطع لك؟</numerusform>
            <numerusform>قبول %n اقتراح(ات) معلّقة في هذا المقال كمقاطع لك؟</numerusform>
            <numerusform>قبول %n اقتراح(ات) معلّقة في هذا المقال كمقاطع لك؟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="63" />
        <source>S&amp;uggest spans</source>
        <translation>&amp;اقتراح مقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="64" />
        <source>&amp;Accept all suggestions…</source>
        <translation>&amp;قبول كل الاقتراحات…</translation>
    </message>
    <message>
        <source>Suggest spans when a document is opened for the first time</source>
        <translation>اقتراح مقاطع عند فتح المقال أول مرة</translation>
    </message>
    <message>
        <source>Export to a new folder</source>
        <translation>تصدير إلى مجلد جديد</translation>
    </message>
    <message>
        <source>&amp;Lead</source>
        <translation>المشر&amp;ف</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="100" />
        <source>&amp;Merge coder files…</source>
        <translation>&amp;دمج ملفات المرمِّزين…</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="101" />
        <source>&amp;Adjudicate…</source>
        <translation>ال&amp;تحكيم…</translation>
    </message>
    <message>
        <location filename="../../ui/coder/keys.py" line="102" />
        <source>A&amp;greement…</source>
        <translation>الا&amp;تفاق…</translation>
    </message>
    <message>
        <source>Coder files to merge</source>
        <translation>ملفات المرمِّزين المراد دمجها</translation>
    </message>
    <message>
        <source>Merged project</source>
        <translation>المشروع المدموج</translation>
    </message>
    <message>
        <source>Merge coder files</source>
        <translation>دمج ملفات المرمِّزين</translation>
    </message>
    <message>
        <source>The merged project is open in this window. Open another project first, or choose another file.</source>
        <translation>المشروع المدموج مفتوح في هذه النافذة. افتح مشروعًا آخر أولًا، أو اختر ملفًا آخر.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <source>Merging %s</source>
        <translation>دمج %s</translation>
    </message>
    <message>
        <source>Open the merged project to adjudicate it?</source>
        <translation>أتفتح المشروع المدموج للتحكيم فيه؟</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>أُلغي الاستيراد: لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>أُلغي التصدير: لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Coding window</source>
        <translation>نافذة الترميز</translation>
    </message>
    <message>
        <source>Adjudication window</source>
        <translation>نافذة التحكيم</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عام</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to the Arabic event annotator&lt;/h3&gt;This is a demo project: four short fictional reports to try the tool on.&lt;br&gt;&lt;br&gt;&lt;b&gt;The five keys to know&lt;/b&gt;&lt;br&gt;1. Select words, press a label key: %1.&lt;br&gt;2. Fill the form on the side; &lt;b&gt;Alt+letter&lt;/b&gt; picks a choice.&lt;br&gt;3. %2 moves between spans, %3 removes one.&lt;br&gt;4. %4 undoes anything.&lt;br&gt;5. %5 marks the article done and opens the next.&lt;br&gt;&lt;br&gt;Every edit is saved at once. To work on your own articles: File &amp;gt; New project, then File &amp;gt; Import articles (.txt, CSV, JSONL or brat). %6 lists every key.</source>
        <translation>&lt;h3&gt;أهلًا بك في أداة ترميز الأحداث العربية&lt;/h3&gt;هذا مشروع تجريبي: أربعة تقارير قصيرة متخيَّلة لتجربة الأداة.&lt;br&gt;&lt;br&gt;&lt;b&gt;المفاتيح الخمسة&lt;/b&gt;&lt;br&gt;١. حدِّد كلمات واضغط مفتاح وسم: %1.&lt;br&gt;٢. املأ النموذج الجانبي؛ &lt;b&gt;Alt+حرف&lt;/b&gt; يختار خيارًا.&lt;br&gt;٣. %2 للتنقل بين المقاطع، و%3 لحذف مقطع.&lt;br&gt;٤. %4 للتراجع عن أي تعديل.&lt;br&gt;٥. %5 يعلِّم المقال كمنجز ويفتح التالي.&lt;br&gt;&lt;br&gt;يُحفظ كل تعديل فورًا. للعمل على مقالاتك: ملف &amp;gt; مشروع جديد، ثم ملف &amp;gt; استيراد مقالات (.txt أو CSV أو JSONL أو brat). يعرض %6 كل المفاتيح.</translation>
    </message>
    <message>
        <source>Merge cancelled: nothing was written.</source>
        <translation>أُلغي الدمج: لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>start an event of type %s</source>
        <translation>بدء حدث من نوع %s</translation>
    </message>
    <message>
        <source>%1 of %2 (in event mode)</source>
        <translation>دور %1 في %2 (في وضع الحدث)</translation>
    </message>
    <message>
        <source>accept the current event when it is a suggestion</source>
        <translation>قبول الحدث الحالي إن كان اقتراحًا</translation>
    </message>
    <message>
        <source>reject the current event when it is a suggestion</source>
        <translation>رفض الحدث الحالي إن كان اقتراحًا</translation>
    </message>
    <message>
        <source>leave event mode</source>
        <translation>الخروج من وضع الحدث</translation>
    </message>
    <message>
        <source>&lt;b&gt;Events&lt;/b&gt; (who did what, where, how many): select a span and press %1 to start an event; then each role key (shown in the event panel) puts the selected span in that role. %2 leaves event mode.</source>
        <translation>&lt;b&gt;الأحداث&lt;/b&gt; (مَن فعل ماذا، وأين، وكم العدد): حدِّد مقطعًا واضغط %1 لبدء حدث؛ ثم يضع كل مفتاح دور (يظهر في لوحة الأحداث) المقطع المحدَّد في ذلك الدور. %2 للخروج من وضع الحدث.</translation>
    </message>
    <message>
        <source>As the interface language writes them</source>
        <translation>كما تكتبها لغة الواجهة</translation>
    </message>
    <message>
        <source>Arabic-Indic (٠١٢٣٤٥٦٧٨٩)</source>
        <translation>هندية عربية (٠١٢٣٤٥٦٧٨٩)</translation>
    </message>
    <message>
        <source>Latin (0123456789)</source>
        <translation>لاتينية (0123456789)</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>الأرقام</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../ui/coder/span_list.py" line="42" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="42" />
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="42" />
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="42" />
        <source>Position</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="59" />
        <source>%1 (learned)</source>
        <translation>%1 (مُتعلَّم)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="62" />
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="83" />
        <source>Missing: %s</source>
        <translation>ناقص: %s</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="86" />
        <source>Learned from your finished documents: accept or reject it</source>
        <translation>مُتعلَّم من مقالاتك المنجزة: اقبله أو ارفضه</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="88" />
        <source>A suggestion: accept or reject it</source>
        <translation>اقتراح: اقبله أو ارفضه</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="90" />
        <source>Suggested by: %1</source>
        <translation>اقترحه: %1</translation>
    </message>
    <message>
        <location filename="../../ui/coder/span_list.py" line="93" />
        <source>An accepted suggestion, made by: %1</source>
        <translation>اقتراح مقبول، اقترحه: %1</translation>
    </message>
</context>
<context>
    <name>Suggesters</name>
    <message>
        <location filename="../../ui/widgets/suggesters.py" line="22" />
        <source>the gazetteer (lists of places and actors)</source>
        <translation>المعجم الجغرافي (قوائم الأماكن والجهات)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggesters.py" line="23" />
        <source>project memory (names tagged before)</source>
        <translation>ذاكرة المشروع (أسماء وُسمت من قبل)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggesters.py" line="24" />
        <source>the recommender learned from finished documents</source>
        <translation>المقترِح المتعلَّم من المقالات المنجزة</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggesters.py" line="25" />
        <source>the casualty figure reader</source>
        <translation>قارئ أرقام الضحايا</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggesters.py" line="26" />
        <source>the date reader</source>
        <translation>قارئ التواريخ</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../../ui/coder/suggestions.py" line="42" />
        <source>Suggest spans</source>
        <translation>اقتراح مقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/coder/suggestions.py" line="61" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../ui/coder/suggestions.py" line="92" />
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../ui/coder/suggestions.py" line="99" />
        <source>Tag all occurrences</source>
        <translation>وسم كل المواضع</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <location filename="../../ui/widgets/task_progress.py" line="53" />
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>VersionList</name>
    <message>
        <location filename="../../ui/lead/version_list.py" line="46" />
        <source>automatic (all agreed)</source>
        <translation>آلي (اتفق الجميع)</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="47" />
        <source>picked</source>
        <translation>مختار</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="48" />
        <source>edited</source>
        <translation>معدَّل</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="49" />
        <source>added</source>
        <translation>مضاف</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="51" />
        <source>imported</source>
        <translation>مستورد</translation>
    </message>
</context>
<context>
    <name>VersionListModel</name>
    <message>
        <location filename="../../ui/lead/version_list.py" line="81" />
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="81" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="81" />
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="81" />
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="81" />
        <source>Coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="81" />
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="92" />
        <source>gold</source>
        <translation>ذهبي</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="106" />
        <source>agreed: %s</source>
        <translation>اتفق: %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="153" />
        <source>The versions differ on: %s</source>
        <translation>تختلف الصيغ في: %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="157" />
        <source>Not made by: %s</source>
        <translation>لم يضعها: %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="161" />
        <source>Decided at %s</source>
        <translation>حُسم في %s</translation>
    </message>
    <message>
        <location filename="../../ui/lead/version_list.py" line="164" />
        <source>Missing: %s</source>
        <translation>ناقص: %s</translation>
    </message>
</context>
</TS>