import { detectLanguage } from '../src/pipeline/language/detect.ts';
import { detectAll } from 'tinyld';
const samples: Array<[string, string]> = [
  ['fa', 'وزیر خارجه روسیه گفت مسکو قصد ندارد برای همیشه منتظر واکنش غرب بماند.'],
  ['fa', 'سخنگوی کرملین روز سه‌شنبه گفت مذاکرات امنیتی با آمریکا دلیل چندانی برای خوش‌بینی به دست نداده است.'],
  ['ar', 'قال نائب وزير الخارجية الروسي إنه لا يرى سببا لاستئناف المحادثات.'],
  ['ar', 'رحبت دولة الإمارات العربية المتحدة بالتوقيع على اتفاقية جديدة للتعاون في مجال الطاقة المتجددة.'],
  ['tr', 'Rusya Dışişleri Bakanı Sergey Lavrov, Çarşamba günü yaptığı açıklamada konuştu.'],
  ['tr', 'İstanbul\'da etkili olan kar yağışı kent genelinde hayatı olumsuz etkiledi.'],
  ['ru', 'Песков оценил итоги переговоров с НАТО в Брюсселе.'],
  ['ru', 'Переговоры России и НАТО в Брюсселе нельзя назвать успешными, заявил Песков.'],
  ['en', 'The harbour reopened on Thursday after a week of repairs.'],
  ['fa', 'امیرعبداللهیان: مذاکرات وین در مسیر درستی قرار دارد'],
  ['ar', 'الكرملين: محادثات الضمانات الأمنية مع واشنطن وصلت إلى طريق مسدود'],
  ['tr', 'Dışişleri Bakanı Çavuşoğlu, Lavrov ile telefonda görüştü'],
  ['ru', 'Грушко рассказал о результатах встречи в Брюсселе'],
  ['fa', 'ریابکوف: دلیلی برای ازسرگیری مذاکرات با آمریکا نمی‌بینیم'],
  ['ar', 'موسكو تنتظر الرد'],
];
for (const [want, s] of samples) {
  const got = detectLanguage(s, null);
  console.log(got === want ? 'ok ' : 'BAD', want, got, JSON.stringify(detectAll(s).slice(0, 3)), s.slice(0, 40));
}
