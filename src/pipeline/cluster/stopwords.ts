// Function words ignored by story clustering (en, ru, tr, ar, fa): they say nothing about which event a text reports.
const LISTS = {
  en: `the and for that with this from have has had was were are been being not but they their them his her its our your
  who whom whose which what when where why how all any both each few more most other some such than too very can will
  just should would could about after again against also because before between during into over under out off then
  there here these those said says say told one two new also only same own per via mr mrs ms while said according
  year years time week day days month last first next she him you yes did does doing done may might must shall upon
  like get got make made many much even still well back way now ago already yet since until whether though although`,
  ru: `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще
  нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя
  ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж
  тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех
  никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три
  эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между также заявил`,
  tr: `ve ile bir bu da de için ama gibi daha çok en mi ne o şu ki ya veya her hem kadar sonra önce olan olarak
  ancak diye dedi göre ise değil var yok çünkü bile şey biz siz onlar ben sen`,
  ar: `في من على إلى عن مع هذا هذه ذلك التي الذي التى كان كانت أن إن قد لا ما لم لن هو هي هم بعد قبل كل بين حتى أو
  ثم عند منذ وقال قال وأضاف أيضا`,
  fa: `و در به از که این را با است برای آن یک تا بر هم نیز شد می‌شود کرد کرده شده بود اما یا هر پس باید خود ما آنها
  او گفت وی`,
};

export const STOPWORDS: ReadonlySet<string> = new Set(Object.values(LISTS).flatMap((s) => s.split(/\s+/).filter(Boolean)));

/**
 * Calendar words (weekdays, months) are capitalised in English but name no protagonist: they stay terms, but are
 * not anchors, so two articles are not tied by "Friday" alone. Other languages on the list write them in lower case.
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/).filter(Boolean),
);
