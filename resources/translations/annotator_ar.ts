<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AttributeForm</name>
    <message>
        <location filename="../../ui/attribute_form.py" line="50" />
        <source>No span selected</source>
        <translation>لم يُحدَّد مقطع</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_form.py" line="79" />
        <source>No span selected: select text and press a label key.</source>
        <translation>لم يُحدَّد مقطع: حدِّد نصًا واضغط مفتاح وسم.</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_form.py" line="97" />
        <source>Missing: %s</source>
        <translation>ناقص: %s</translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <location filename="../../ui/document_header.py" line="38" />
        <source>No document: import articles with File &gt; Import.</source>
        <translation>لا مقالات: استورد مقالات من ملف &gt; استيراد.</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../ui/document_panel.py" line="23" />
        <source>Flag for the lead</source>
        <translation>إشارة للمشرف</translation>
    </message>
    <message>
        <location filename="../../ui/document_panel.py" line="26" />
        <source>Comment on this document (saved when you leave the box)</source>
        <translation>تعليق على هذا المقال (يُحفظ عند مغادرة المربع)</translation>
    </message>
    <message>
        <location filename="../../ui/document_panel.py" line="31" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>DocumentQueue</name>
    <message>
        <location filename="../../ui/document_queue.py" line="112" />
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="113" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="114" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="115" />
        <source>skipped</source>
        <translation>متخطّى</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="130" />
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="131" />
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="132" />
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="133" />
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="134" />
        <source>Skipped</source>
        <translation>متخطّى</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="135" />
        <source>Flagged</source>
        <translation>مُشار إليه</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="139" />
        <source>Search (ignores tashkeel, tatweel, hamza forms)</source>
        <translation>بحث (يتجاهل التشكيل والتطويل وصور الهمزة)</translation>
    </message>
</context>
<context>
    <name>DocumentQueueModel</name>
    <message>
        <location filename="../../ui/document_queue.py" line="73" />
        <source>Document</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="73" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="73" />
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/document_queue.py" line="92" />
        <source>Near-duplicate of %s</source>
        <translation>شبه مكرر لـ %s</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../ui/session.py" line="140" />
        <source>Proclitic</source>
        <translation>السابقة</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="147" />
        <source>Resize</source>
        <translation>تغيير الحدود</translation>
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
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="45" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="50" />
        <source>Default (every layer; gold or the only coder for training formats)</source>
        <translation>الافتراضي (كل الطبقات؛ الذهبية أو المرمِّز الوحيد لصيغ التدريب)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="54" />
        <source>Default (done for training formats, else every document)</source>
        <translation>الافتراضي (المنجزة لصيغ التدريب، وإلا كل المقالات)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="55" />
        <source>Only documents marked done</source>
        <translation>المقالات المنجزة فقط</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="56" />
        <source>Every document</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="58" />
        <source>e.g. 80,10,10 (train, dev, test); empty for no split</source>
        <translation>مثلًا 80,10,10 (تدريب، تطوير، اختبار)؛ فارغ من دون تقسيم</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="61" />
        <source>Split proclitics into tokens of their own</source>
        <translation>فصل السوابق في وحدات مستقلة</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="62" />
        <source>Include pending suggestions</source>
        <translation>تضمين الاقتراحات المعلّقة</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="64" />
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="70" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="71" />
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="72" />
        <source>Documents</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="73" />
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="74" />
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="75" />
        <location filename="../../ui/export_dialog.py" line="98" />
        <source>Template</source>
        <translation>القالب</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="35" />
        <source>Arabic event annotator — %s</source>
        <translation>أداة ترميز الأحداث العربية — %s</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="37" />
        <source>(read-only)</source>
        <translation>(للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Documents</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>Span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145" />
        <source>Relabel</source>
        <translation>تغيير الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>%1 — done %2 / %3</source>
        <translation>%1 — أُنجز %2 من %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>No more documents in this list.</source>
        <translation>لا مزيد من المقالات في هذه القائمة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="229" />
        <source>Marked done with %n span(s) missing required attributes.</source>
        <translation>
            <numerusform>عُلِّم كمنجز مع %n مقطع(مقاطع) تنقصها سمات مطلوبة.</numerusform>
            <numerusform>عُلِّم كمنجز مع %n مقطع(مقاطع) تنقصها سمات مطلوبة.</numerusform>
            <numerusform>عُلِّم كمنجز مع %n مقطع(مقاطع) تنقصها سمات مطلوبة.</numerusform>
            <numerusform>عُلِّم كمنجز مع %n مقطع(مقاطع) تنقصها سمات مطلوبة.</numerusform>
            <numerusform>عُلِّم كمنجز مع %n مقطع(مقاطع) تنقصها سمات مطلوبة.</numerusform>
            <numerusform>عُلِّم كمنجز مع %n مقطع(مقاطع) تنقصها سمات مطلوبة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234" />
        <source>That was the last document in this list.</source>
        <translation>كان هذا آخر مقال في القائمة.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239" />
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
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>المشاريع ال&amp;أخيرة</translation>
    </message>
    <message>
        <source>&amp;Import articles…</source>
        <translation>&amp;استيراد مقالات…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;التفضيلات…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;المقال</translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation>المقال ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>المقال ال&amp;سابق</translation>
    </message>
    <message>
        <source>Mark &amp;done and go to next</source>
        <translation>تعليم كمُ&amp;نجز والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>&amp;Skip and go to next</source>
        <translation>&amp;تخطٍّ والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>&amp;Flag for the lead</source>
        <translation>إ&amp;شارة للمشرف</translation>
    </message>
    <message>
        <source>&amp;Search documents</source>
        <translation>&amp;بحث في المقالات</translation>
    </message>
    <message>
        <source>Back to the &amp;article</source>
        <translation>العودة إلى ال&amp;مقال</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;المفاتيح</translation>
    </message>
    <message>
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
        <source>Hide</source>
        <translation>إخفاء</translation>
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
        <source>&lt;h3&gt;Welcome to the Arabic event annotator&lt;/h3&gt;This is a demo project: four short fictional reports to try the tool on.&lt;br&gt;&lt;br&gt;&lt;b&gt;The five keys to know&lt;/b&gt;&lt;br&gt;1. Select words, press &lt;b&gt;A&lt;/b&gt; (actor), &lt;b&gt;P&lt;/b&gt; (place) or &lt;b&gt;C&lt;/b&gt; (casualty figure).&lt;br&gt;2. Fill the form on the side; &lt;b&gt;Alt+letter&lt;/b&gt; picks a choice.&lt;br&gt;3. &lt;b&gt;Tab&lt;/b&gt; moves between spans, &lt;b&gt;Delete&lt;/b&gt; removes one.&lt;br&gt;4. &lt;b&gt;Ctrl+Z&lt;/b&gt; undoes anything.&lt;br&gt;5. &lt;b&gt;Ctrl+Enter&lt;/b&gt; marks the article done and opens the next.&lt;br&gt;&lt;br&gt;Every edit is saved at once. To work on your own articles: File &amp;gt; New project, then File &amp;gt; Import articles (.txt, CSV, JSONL or brat). F1 lists every key.</source>
        <translation>&lt;h3&gt;أهلًا بك في أداة ترميز الأحداث العربية&lt;/h3&gt;هذا مشروع تجريبي: أربعة تقارير قصيرة متخيَّلة لتجربة الأداة.&lt;br&gt;&lt;br&gt;&lt;b&gt;المفاتيح الخمسة&lt;/b&gt;&lt;br&gt;١. حدِّد كلمات واضغط &lt;b&gt;A&lt;/b&gt; (فاعل) أو &lt;b&gt;P&lt;/b&gt; (مكان) أو &lt;b&gt;C&lt;/b&gt; (عدد ضحايا).&lt;br&gt;٢. املأ النموذج الجانبي؛ &lt;b&gt;Alt+حرف&lt;/b&gt; يختار خيارًا.&lt;br&gt;٣. &lt;b&gt;Tab&lt;/b&gt; للتنقل بين المقاطع، و&lt;b&gt;Delete&lt;/b&gt; لحذف مقطع.&lt;br&gt;٤. &lt;b&gt;Ctrl+Z&lt;/b&gt; للتراجع عن أي تعديل.&lt;br&gt;٥. &lt;b&gt;Ctrl+Enter&lt;/b&gt; يعلِّم المقال كمنجز ويفتح التالي.&lt;br&gt;&lt;br&gt;يُحفظ كل تعديل فورًا. للعمل على مقالاتك: ملف &amp;gt; مشروع جديد، ثم ملف &amp;gt; استيراد مقالات (txt أو CSV أو JSONL أو brat). يعرض F1 كل المفاتيح.</translation>
    </message>
    <message>
        <source>Do not show this again</source>
        <translation>لا تُظهر هذا مجددًا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91" />
        <source>Project in use</source>
        <translation>المشروع قيد الاستخدام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92" />
        <source>Open it read-only?</source>
        <translation>فتحه للقراءة فقط؟</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>حفظ &amp;نسخة…</translation>
    </message>
    <message>
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
        <source>S&amp;uggest spans</source>
        <translation>&amp;اقتراح مقاطع</translation>
    </message>
    <message>
        <source>&amp;Accept all suggestions…</source>
        <translation>&amp;قبول كل الاقتراحات…</translation>
    </message>
    <message>
        <source>Suggest spans when a document is opened for the first time</source>
        <translation>اقتراح مقاطع عند فتح المقال أول مرة</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tagging&lt;/h3&gt;Select words (mouse, or Shift+arrows; Ctrl+Shift+arrows word by word), then press a label key:&lt;br&gt;%1&lt;br&gt;With no selection, the key tags the word at the cursor. The span snaps to whole words.&lt;h3&gt;The selected span&lt;/h3&gt;&lt;b&gt;Tab / Shift+Tab&lt;/b&gt; — next / previous span&lt;br&gt;&lt;b&gt;Delete&lt;/b&gt; — remove it&lt;br&gt;&lt;b&gt;a label key&lt;/b&gt; — relabel it&lt;br&gt;&lt;b&gt;E / Shift+E&lt;/b&gt; — grow / shrink its end by a word (Alt: by a letter)&lt;br&gt;&lt;b&gt;S / Shift+S&lt;/b&gt; — grow / shrink its start by a word (Alt: by a letter)&lt;br&gt;&lt;b&gt;K&lt;/b&gt; — leave the proclitic out (و|الباغوز), or put it back&lt;br&gt;&lt;b&gt;T&lt;/b&gt; — tag every other occurrence in this article the same way&lt;br&gt;&lt;b&gt;Enter / X&lt;/b&gt; — accept / reject a suggestion (dashed underline)&lt;br&gt;&lt;b&gt;Alt+letter&lt;/b&gt; — pick an underlined choice in the form&lt;br&gt;&lt;b&gt;Esc&lt;/b&gt; — deselect&lt;h3&gt;Documents&lt;/h3&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt; — mark done and go to the next&lt;br&gt;&lt;b&gt;Ctrl+PgDown / Ctrl+PgUp&lt;/b&gt; — next / previous document&lt;br&gt;&lt;b&gt;Ctrl+G&lt;/b&gt; — suggest spans; &lt;b&gt;Ctrl+Shift+A&lt;/b&gt; — accept all suggestions&lt;br&gt;&lt;b&gt;Ctrl+F&lt;/b&gt; — search; &lt;b&gt;F6&lt;/b&gt; — back to the article&lt;br&gt;&lt;b&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/b&gt; — undo / redo&lt;br&gt;&lt;b&gt;Ctrl+= / Ctrl+-&lt;/b&gt; or Ctrl+wheel — zoom</source>
        <translation>&lt;h3&gt;الترميز&lt;/h3&gt;حدِّد كلمات (بالفأرة، أو Shift+الأسهم؛ Ctrl+Shift+الأسهم كلمةً كلمة)، ثم اضغط مفتاح الوسم:&lt;br&gt;%1&lt;br&gt;من دون تحديد، يَسِم المفتاح الكلمة التي عند المؤشر. يلتصق المقطع بالكلمات الكاملة.&lt;h3&gt;المقطع المحدَّد&lt;/h3&gt;&lt;b&gt;Tab / Shift+Tab&lt;/b&gt; — المقطع التالي / السابق&lt;br&gt;&lt;b&gt;Delete&lt;/b&gt; — حذفه&lt;br&gt;&lt;b&gt;مفتاح وسم&lt;/b&gt; — تغيير وسمه&lt;br&gt;&lt;b&gt;E / Shift+E&lt;/b&gt; — مدّ / تقليص نهايته بكلمة (Alt: بحرف)&lt;br&gt;&lt;b&gt;S / Shift+S&lt;/b&gt; — مدّ / تقليص بدايته بكلمة (Alt: بحرف)&lt;br&gt;&lt;b&gt;K&lt;/b&gt; — إخراج السابقة من المقطع (و|الباغوز) أو إعادتها&lt;br&gt;&lt;b&gt;T&lt;/b&gt; — وسم كل المواضع الأخرى في المقال بالطريقة نفسها&lt;br&gt;&lt;b&gt;Enter / X&lt;/b&gt; — قبول / رفض اقتراح (خط متقطع)&lt;br&gt;&lt;b&gt;Alt+حرف&lt;/b&gt; — اختيار خيار مسطَّر في النموذج&lt;br&gt;&lt;b&gt;Esc&lt;/b&gt; — إلغاء التحديد&lt;h3&gt;المقالات&lt;/h3&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt; — تعليم كمنجز والانتقال إلى التالي&lt;br&gt;&lt;b&gt;Ctrl+PgDown / Ctrl+PgUp&lt;/b&gt; — المقال التالي / السابق&lt;br&gt;&lt;b&gt;Ctrl+G&lt;/b&gt; — اقتراح مقاطع؛ &lt;b&gt;Ctrl+Shift+A&lt;/b&gt; — قبول كل الاقتراحات&lt;br&gt;&lt;b&gt;Ctrl+F&lt;/b&gt; — بحث؛ &lt;b&gt;F6&lt;/b&gt; — العودة إلى المقال&lt;br&gt;&lt;b&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/b&gt; — تراجع / إعادة&lt;br&gt;&lt;b&gt;Ctrl+= / Ctrl+-&lt;/b&gt; أو Ctrl+العجلة — تكبير وتصغير</translation>
    </message>
    <message>
        <source>Export to a new folder</source>
        <translation>تصدير إلى مجلد جديد</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../ui/span_list.py" line="31" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/span_list.py" line="31" />
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../ui/span_list.py" line="31" />
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../ui/span_list.py" line="31" />
        <source>Position</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../../ui/span_list.py" line="62" />
        <source>Missing: %s</source>
        <translation>ناقص: %s</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../../ui/suggestions.py" line="59" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="79" />
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions.py" line="91" />
        <source>Tag all occurrences</source>
        <translation>وسم كل المواضع</translation>
    </message>
</context>
</TS>