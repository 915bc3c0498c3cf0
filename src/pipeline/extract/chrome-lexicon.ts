// Chrome lexicon for plain-text captures: per-language phrases of page furniture (cookies, login, share, vote, related, menus).

/**
 * Each entry is matched against a whole line, case-insensitively, after trimming list bullets.
 * `line`: the line is nothing but this phrase (with optional trailing punctuation or counters).
 * `prefix`: the line starts with this phrase and is short (see CHROME_PREFIX_MAX_WORDS in text.ts).
 * `barrier`: a heading that ends an article and opens a list of other content ("Related Articles").
 */
export interface ChromeLexicon {
  line: string[];
  prefix: string[];
  barrier: string[];
}

export const CHROME: Record<'en' | 'ru' | 'ar' | 'fa' | 'tr' | 'other', ChromeLexicon> = {
  en: {
    line: [
      'all news', 'back to top', 'back to top button', 'top', 'home', 'menu', 'search', 'close', 'open', 'next', 'previous',
      'prev', 'more', 'show more', 'load more', 'see more', 'view more', 'read more', 'continue reading', 'skip to content',
      'skip to main content', 'skip to site index', 'skip to navigation', 'toggle navigation', 'main menu', 'navigation',
      'log in', 'login', 'log out', 'logout', 'sign in', 'sign out', 'sign up', 'register', 'subscribe', 'subscribe now',
      'forgot password', 'forgot your password', 'reset password', 'remember me', 'username', 'password', 'email',
      'e-mail', 'email address', 'submit', 'cancel', 'ok', 'accept', 'accept all', 'i agree', 'agree', 'got it',
      'privacy policy', 'privacy', 'privacy notice', 'cookie policy', 'cookies', 'cookie settings', 'terms of use',
      'terms of service', 'terms and conditions', 'terms', 'contact', 'contact us', 'about', 'about us', 'advertise',
      'advertise with us', 'advertisement', 'advertising', 'ad', 'ads', 'sponsored', 'sponsored content', 'promoted',
      'share', 'share this', 'share this article', 'share this story', 'share on', 'tweet', 'pin', 'print', 'email this',
      'facebook', 'twitter', 'linkedin', 'reddit', 'pinterest', 'whatsapp', 'telegram', 'vk', 'flipboard', 'pocket',
      'tumblr', 'instagram', 'youtube', 'google+', 'stumbleupon', 'blogger', 'messenger', 'viber', 'copy link',
      'copy url', 'get short url', 'short url', 'comments', 'comment', 'leave a comment', 'leave a reply', 'post a comment',
      'add comment', 'view comments', 'show comments', 'hide comments', 'reply', 'upvote', 'downvote', 'upvote downvote',
      'like', 'dislike', 'leave your vote', 'vote', 'add to collection', 'no collections', 'add to favorites',
      'bookmark', 'save', 'saved', 'subscribe to newsletter', 'newsletter', 'newsletters', 'sign up for our newsletter',
      'video', 'videos', 'photo', 'photos', 'gallery', 'watch', 'listen', 'live', 'podcast', 'podcasts', 'loading',
      'loading...', 'tags', 'topics', 'categories', 'category', 'archives', 'archive', 'rss', 'sitemap', 'faq', 'help',
      'careers', 'jobs', 'follow us', 'follow', 'connect with us', 'trending', 'trending now', 'popular', 'most popular',
      'most read', 'most viewed', 'latest', 'latest news', 'top stories', 'breaking news', 'news', 'world news',
      'opinion', 'sections', 'edition', 'english edition', 'international edition', 'more news', 'all rights reserved',
      'image', 'caption', 'expand', 'collapse', 'play', 'pause', 'mute', 'unmute', 'fullscreen', 'zoom', 'enlarge',
      'back', 'go back', 'return to top', 'scroll to top', 'to top', 'print this page', 'text size', 'a a a', 'font size',
      'dark mode', 'english', 'free', 'why', 'create your post', 'create your post free why', 'log in with facebook',
      'continue with google', 'continue with facebook', 'or', 'and', 'more information', 'learn more', 'details',
    ],
    prefix: [
      'share on ', 'share via ', 'share to ', 'share this ', 'share article', 'share story', 'share all sharing options',
      'you can share this story', 'follow us on ', 'like us on ', 'join us on ', 'find us on ',
      'subscribe to ', 'sign up for ', 'sign up to ', 'get our ', 'download our ', 'download the ', 'don\'t have an account',
      'already have an account', 'already a subscriber', 'forgot password', 'enter your account data', 'enter your email',
      'your password reset link', 'password reset', 'by continuing to use', 'by using this site', 'by using our site',
      'this website uses cookies', 'this site uses cookies', 'we use cookies', 'the cookie settings', 'cookie settings',
      'accept cookies', 'here you\'ll find all collections', 'related articles', 'related stories', 'related posts',
      'related news', 'related content', 'related topics', 'related coverage', 'related:', 'read more:', 'read also',
      'read more about', 'see also', 'also on ', 'also read', 'also see', 'recommended for you', 'recommended',
      'you may also like', 'you might also like', 'you may be interested', 'more from ', 'more stories', 'more on this',
      'most popular', 'most read', 'trending now', 'editor\'s picks', 'top stories', 'copyright', '©', '(c) ',
      'all rights reserved', 'advertisement', 'sponsored', 'click here', 'tap here', 'like this story',
      'leave a comment', 'comments (', 'view comments', 'report an error', 'report a typo', 'send us a tip',
      'listen to this article', 'updated:', 'published:', 'posted:', 'last updated', 'posted on', 'published on',
      'image:', 'image credit', 'photo:', 'photos:', 'photo credit', 'picture:', 'credit:', 'source:', 'video:',
      'watch:', 'more:', 'next article', 'previous article', 'next post', 'previous post', 'tags:', 'topics:',
      'filed under', 'categories:', 'category:', 'post navigation', 'join the conversation', 'show comments',
      'we\'d like to send you', 'allow notifications', 'get the latest', 'get breaking news', 'skip to',
      'your privacy', 'privacy policy', 'terms of use', 'terms of service', 'send to a friend', 'email to a friend',
      // comment forms and comment rules
      'save my name', 'notify me', 'this site uses akismet', 'as you comment', 'please be respectful',
      'community rules', 'comments are moderated', 'your email address will not be published',
      // wire and desk credits under the story
      '(reporting by', 'reporting by', 'additional reporting by', 'editing by', '(editing by', 'compiled by',
      'our standards:', 'the material on this site may not be reproduced',
      // affiliate disclosures
      'if you buy something', 'if you click on', 'sometimes we include links', 'we may earn a commission',
      'we may receive a commission', 'this post may contain affiliate', 'this article contains affiliate',
    ],
    barrier: [
      'related articles', 'related stories', 'related posts', 'related news', 'related content', 'related', 'more from',
      'more stories', 'more news', 'recommended', 'recommended for you', 'you may also like', 'you might also like',
      'most popular', 'most read', 'most viewed', 'trending', 'trending now', 'top stories', 'latest news', 'latest',
      'comments', 'leave a reply', 'leave a comment', 'post a comment', 'join the conversation', 'read next',
      'what to read next', 'editor\'s picks', 'popular stories', 'more on this story', 'around the web',
      'you can share this story on social media', 'share this article', 'share this story', 'next up',
    ],
  },
  ru: {
    line: [
      'все новости', 'наверх', 'главная', 'меню', 'поиск', 'войти', 'выйти', 'вход', 'регистрация', 'зарегистрироваться',
      'забыли пароль', 'пароль', 'логин', 'подписаться', 'подписка', 'поделиться', 'комментарии', 'комментарий',
      'ответить', 'реклама', 'читать далее', 'читать еще', 'показать еще', 'загрузить еще', 'далее', 'назад', 'закрыть',
      'политика конфиденциальности', 'пользовательское соглашение', 'контакты', 'о нас', 'о проекте', 'архив',
      'видео', 'фото', 'фотогалерея', 'новости', 'лента новостей', 'популярное', 'читаемое', 'теги', 'рубрики',
      'нравится', 'не нравится', 'печать', 'версия для печати', 'русский', 'english', 'перейти к основному содержанию',
      'добавить в избранное', 'в избранное', 'сейчас читают', 'все материалы', 'принять',
      'вконтакте', 'одноклассники', 'телеграм', 'дзен', 'яндекс.дзен', 'яндекс дзен', 'скопировать ссылку',
      'ссылка скопирована', 'распечатать',
    ],
    prefix: [
      'поделиться', 'подписывайтесь на ', 'подпишитесь на ', 'читайте также', 'читайте нас в', 'смотрите также',
      'по теме', 'похожие новости', 'похожие материалы', 'другие новости', 'еще по теме', 'материалы по теме',
      'мы используем cookie', 'мы используем файлы cookie', 'этот сайт использует', 'продолжая использовать',
      'используя этот сайт', 'нажимая', 'забыли пароль', 'нет аккаунта', 'уже есть аккаунт', 'введите e-mail',
      'введите адрес', '©', 'все права защищены', 'при использовании материалов', 'при цитировании', 'реклама',
      'комментарии (', 'источник:', 'фото:', 'фото —', 'видео:', 'теги:', 'обновлено', 'опубликовано',
      'свидетельство о регистрации', 'правила применения рекомендательных технологий',
    ],
    barrier: [
      'читайте также', 'по теме', 'похожие новости', 'похожие материалы', 'другие новости', 'еще по теме',
      'материалы по теме', 'комментарии', 'популярное', 'читаемое', 'самое читаемое', 'главное', 'новости партнеров',
    ],
  },
  ar: {
    line: [
      'الرئيسية', 'القائمة', 'بحث', 'تسجيل الدخول', 'تسجيل الخروج', 'تسجيل', 'إنشاء حساب', 'نسيت كلمة المرور',
      'كلمة المرور', 'اشترك', 'اشترك الآن', 'مشاركة', 'شارك', 'تعليقات', 'التعليقات', 'أضف تعليق', 'رد', 'إعلان',
      'اقرأ المزيد', 'المزيد', 'التالي', 'السابق', 'إغلاق', 'سياسة الخصوصية', 'شروط الاستخدام', 'اتصل بنا',
      'من نحن', 'فيديو', 'صور', 'الأرشيف', 'الأكثر قراءة', 'الأكثر مشاهدة', 'آخر الأخبار', 'كل الأخبار', 'طباعة',
      'العربية', 'العربیة', 'عربي', 'انتهى', 'موافق', 'تخطي إلى المحتوى', 'بث مباشر', 'فيسبوك', 'تويتر', 'واتساب',
      'واتس اب', 'تلغرام', 'تيليغرام', 'يوتيوب', 'انستغرام', 'إنستغرام', 'لينكد إن', 'نسخ الرابط', 'تم نسخ الرابط',
      'البريد الإلكتروني',
    ],
    prefix: [
      'شارك على', 'مشاركة على', 'تابعونا على', 'تابعنا على', 'اقرأ أيضا', 'اقرأ أيضاً', 'اقرأ ايضا', 'أخبار ذات صلة',
      'مواضيع ذات صلة', 'ذات صلة', 'نستخدم ملفات تعريف الارتباط', 'يستخدم هذا الموقع', 'باستخدامك', 'جميع الحقوق محفوظة',
      '©', 'المصدر:', 'الصورة:', 'نسيت كلمة المرور', 'ليس لديك حساب', 'لديك حساب', 'أدخل بريدك', 'رمز الخبر',
      'رقم الخبر', 'اخبار ذات صلة',
    ],
    barrier: ['اقرأ أيضا', 'اقرأ أيضاً', 'أخبار ذات صلة', 'مواضيع ذات صلة', 'ذات صلة', 'التعليقات', 'الأكثر قراءة'],
  },
  fa: {
    line: [
      'صفحه اصلی', 'خانه', 'منو', 'جستجو', 'ورود', 'خروج', 'ثبت نام', 'ثبت‌نام', 'عضویت', 'رمز عبور', 'فراموشی رمز عبور',
      'اشتراک', 'اشتراک گذاری', 'اشتراک‌گذاری', 'نظرات', 'نظر', 'ارسال نظر', 'پاسخ', 'تبلیغات', 'آگهی', 'ادامه مطلب',
      'بیشتر', 'بعدی', 'قبلی', 'بستن', 'حریم خصوصی', 'تماس با ما', 'درباره ما', 'ویدیو', 'عکس', 'آرشیو',
      'پربازدیدترین', 'پربحث‌ترین', 'آخرین اخبار', 'همه اخبار', 'چاپ', 'فارسی', 'پرینت', 'انتهای پیام', 'صفحه نخست',
      'صفحه اول', 'تلگرام', 'توییتر', 'واتساپ', 'اینستاگرام', 'فیسبوک', 'کپی لینک', 'لینک کوتاه', 'کپی شد', 'ایتا',
      'بله', 'سروش', 'روبیکا', 'اشتراک گذاري',
    ],
    prefix: [
      'اشتراک گذاری در', 'ما را دنبال کنید', 'ما را در', 'بیشتر بخوانید', 'بخوانید', 'اخبار مرتبط', 'مطالب مرتبط',
      'این سایت از کوکی', 'کوکی', 'کلیه حقوق این', 'تمامی حقوق این', 'کلیه حقوق مادی', 'تمامی حقوق مادی', '©', 'منبع:', 'عکس:', 'رمز عبور را فراموش',
      'حساب کاربری ندارید', 'ایمیل خود را وارد', 'کد خبر', 'برچسب ها', 'برچسب‌ها',
    ],
    barrier: ['بیشتر بخوانید', 'اخبار مرتبط', 'مطالب مرتبط', 'نظرات', 'پربازدیدترین', 'آخرین اخبار'],
  },
  tr: {
    line: [
      'tüm haberler', 'ana sayfa', 'anasayfa', 'menü', 'ara', 'arama', 'giriş', 'giriş yap', 'çıkış', 'çıkış yap',
      'üye ol', 'kayıt ol', 'kaydol', 'şifremi unuttum', 'şifre', 'abone ol', 'paylaş', 'yorumlar', 'yorum', 'yorum yap',
      'yanıtla', 'reklam', 'devamını oku', 'daha fazla', 'sonraki', 'önceki', 'kapat', 'gizlilik politikası',
      'kullanım koşulları', 'iletişim', 'hakkımızda', 'künye', 'video', 'foto', 'fotoğraf', 'galeri', 'arşiv',
      'en çok okunanlar', 'son dakika', 'gündem', 'yazdır', 'türkçe', 'beğen', 'takip et', 'haberin devamı',
      'tamam', 'kabul et', 'bağlantıyı kopyala', 'linki kopyala', 'kopyala', 'e-posta', 'haber merkezi',
    ],
    prefix: [
      'paylaş:', 'facebook\'ta paylaş', 'twitter\'da paylaş', 'bizi takip edin', 'takip edin', 'ilgili haberler',
      'ilgili haber', 'bunlar da ilginizi', 'bunları da okuyun', 'ayrıca bakınız', 'çerez', 'bu sitede çerez',
      'sitemizde çerez', 'web sitemizde', 'tüm hakları saklıdır', '©', 'kaynak:', 'fotoğraf:', 'güncelleme:',
      'yayınlanma:', 'şifrenizi mi unuttunuz', 'hesabınız yok mu', 'e-posta adresinizi',
      // the wire's notice under stories it shows in summary ("... abonelere sunulan haberler, özetlenerek yayımlanmaktadır")
      'anadolu ajansı web sitesinde', 'aa haber akış sistemi',
    ],
    barrier: [
      'ilgili haberler', 'ilgili haber', 'bunlar da ilginizi çekebilir', 'yorumlar', 'en çok okunanlar', 'diğer haberler',
      'benzer haberler', 'öne çıkanlar',
    ],
  },
  other: {
    line: [
      // Section and navigation words in languages beyond the five above that captures often show.
      'inicio', 'buscar', 'compartir', 'comentarios', 'publicidad', 'startseite', 'suche', 'teilen', 'kommentare',
      'werbung', 'anzeige', 'accueil', 'rechercher', 'partager', 'commentaires', 'publicité', 'início', 'pesquisar',
      'compartilhar', 'comentários', 'publicidade', 'cerca', 'condividi', 'commenti', 'pubblicità', 'iklan', 'bagikan',
      'komentar', 'beranda', 'cari',
    ],
    prefix: [
      'share this on ', 'compartir en', 'teilen auf', 'partager sur', 'compartilhe', 'condividi su', 'leia também',
      'leia mais', 'lea también', 'lesen sie auch', 'lire aussi', 'leggi anche', 'baca juga', '저작권자', 'copyright',
    ],
    barrier: ['leia também', 'lea también', 'lesen sie auch', 'lire aussi', 'leggi anche', 'baca juga'],
  },
};

/**
 * Names of languages and editions as they appear in a site's language menu ("فارسی افغانستان العربیة English Türkçe").
 * A short line made mostly of these is a menu, never article text.
 */
export const LANGUAGE_MENU_WORDS = [
  'english', 'русский', 'türkçe', 'العربية', 'العربیة', 'عربي', 'فارسی', 'افغانستان', 'français', 'deutsch', 'español',
  'italiano', 'português', 'polski', 'українська', 'українською', 'srpski', 'српски', 'беларуская', 'қазақша',
  'oʻzbekcha', 'o‘zbek', 'azərbaycan', 'հայերեն', 'ქართული', 'עברית', 'हिन्दी', 'اردو', '中文', '简体', '繁體',
  '日本語', '한국어', 'tiếng', 'việt', 'bahasa', 'indonesia', 'melayu', 'kiswahili', 'hausa', 'dari', 'pashto',
  'پښتو', 'kurdî', 'کوردی', 'ελληνικά', 'română', 'magyar', 'čeština', 'slovenčina', 'български', 'hrvatski',
  'nederlands', 'svenska', 'norsk', 'dansk', 'suomi', 'edition', 'en', 'ru', 'ar', 'fa', 'tr', 'de', 'fr', 'es',
];

/** One-word (or two-word) section labels a page shows above its headline; read as the section, never as text. */
export const SECTION_LABELS = [
  'world', 'politics', 'business', 'economy', 'markets', 'tech', 'technology', 'science', 'health', 'sport', 'sports',
  'culture', 'entertainment', 'lifestyle', 'opinion', 'analysis', 'society', 'russia', 'europe', 'asia', 'africa',
  'americas', 'middle east', 'us', 'u.s.', 'uk', 'national', 'international', 'local', 'military', 'defense',
  'defence', 'environment', 'climate', 'education', 'travel', 'food', 'arts', 'books', 'music', 'film', 'media',
  'russian politics & diplomacy', 'world news', 'news', 'iran', 'middle-east', 'energy', 'finance', 'crime',
  'мир', 'политика', 'экономика', 'общество', 'спорт', 'культура', 'наука', 'происшествия', 'в мире', 'россия',
  'армия', 'религия', 'туризм', 'здоровье', 'технологии', 'регионы', 'международная панорама', 'новости',
  'العالم', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'دولي', 'عربي', 'روسيا', 'العالم العربي', 'الشرق الأوسط', 'أخبار',
  'منوعات', 'صحة', 'علوم وتكنولوجيا', 'تكنولوجيا', 'الإمارات', 'ايران', 'إيران', 'المملكة', 'الخليج', 'محليات',
  'جهان', 'سیاسی', 'اقتصادی', 'ورزشی', 'فرهنگی', 'اجتماعی', 'بین الملل', 'بین‌الملل', 'استانها', 'علمی',
  'dünya', 'siyaset', 'ekonomi', 'spor', 'kültür', 'gündem', 'politika', 'türkiye', 'yaşam', 'sağlık', 'teknoloji',
  'eğitim', 'magazin', 'analiz', 'bilim',
];

/**
 * Markers that a line is a photo caption or credit rather than article text ("© Reuters / David Mercado",
 * "Photo: Damian Dovarganes, AP", "Sanjeev Verma/Hindustan Times/Getty Images").
 */
export const CAPTION_MARKERS = [
  '©', 'getty images', 'photo:', 'photo by', 'photograph:', 'image:', 'image credit', 'credit:', '(photo',
  'ap photo', 'reuters/', 'reuters /', 'afp/', 'afp /', 'afp via getty', 'shutterstock', 'istock', 'associated press',
  'фото:', 'фото —', 'архивное фото', 'иллюстративное фото', 'عکس:', 'عکس تزئینی است', 'عکس از', 'الصورة:',
  'صورة أرشيفية', 'fotoğraf:', 'foto:', 'arşiv fotoğrafı', 'fotoğraf: aa', 'fotoğraf: dha',
];

/**
 * Language-independent shapes of chrome lines: vote and share counters, "Follow X on", bare numbers,
 * bare URLs, URL-encoded leftovers, "Image 1 of 23" gallery counters.
 */
export const CHROME_PATTERNS: RegExp[] = [
  /^[\d.,]+[kmкм]?\s*(points?|votes?|comments?|shares?|likes?|views?|replies|responses|очк\S*|голос\S*|коммент\S*|просмотр\S*|yorum|beğeni|نظر|تعليق\S*)$/iu,
  /^follow\s+\S+(\s+\S+)?\s+on.{0,40}$/iu,
  /^[\d\s.,:/|()+-]+$/u,
  /^(https?:\/\/|www\.)\S+$/iu,
  /%2F/i,
  /^(image|photo|slide|фото|foto)\s*\d+\s*(of|из|\/)\s*\/?\s*\d*$/iu,
  /^\d+\s*\/\s*\d+$/u,
  /^\[?\s*\d+\s+comments?\s*\]?$/iu,
];

/** Words that make a short heading a barrier before other content, whatever else the heading says. */
export const BARRIER_WORDS = /^(about|sobre|über|à propos de|acerca de|об авторе|yazar hakkında|درباره|عن الكاتب)\s|\babout the author\b|\b(related|trending|popular|recommended|comments|more in|more from|more on|read next|also like|don't miss|must read|editor's picks|top stories|most read|most viewed|latest news|see more|more stories|more news|more videos)\b|читайте также|по теме|ilgili|اقرأ أيضا|ذات صلة|مرتبط/u;

/**
 * Promotion of the outlet's own channels inside a short line: newsletters, social accounts, apps.
 * Matched on lines of at most PROMO_MAX_WORDS words (text-classify.ts); article paragraphs rarely do this.
 */
export const PROMO_PATTERN =
  /\b(newsletters?|unsubscribe|sign up|signing up|inbox|subscribe|subscription|(follow|like|find|join) (us|her|him|them|\S+) on (facebook|twitter|instagram|youtube|telegram)|follow (us|her|him|them)|contributed (reporting|to this report))\b|рассылк|подпишитесь|подписывайтесь|bültenimiz|abone ol|النشرة البريدية|اشترك في|تابعوا|تابعونا|خبرنامه|عضو شوید|ما را دنبال کنید/iu;
