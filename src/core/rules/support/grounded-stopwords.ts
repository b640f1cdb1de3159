/**
 * English words of four letters or more that say nothing about content, for
 * `grounded-answer`: an answer may use them freely although the context does not.
 * Includes the words answers use to refer to their source ("according", "passage").
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'about', 'above', 'according', 'across', 'after', 'again', 'against', 'along', 'already', 'also', 'although', 'always', 'among',
  'another', 'answer', 'anyone', 'anything', 'around', 'based', 'because', 'been', 'before', 'being', 'below', 'between', 'both',
  'cannot', 'could', 'context', 'described', 'describes', 'does', 'doing', 'done', 'down', 'during', 'each', 'either', 'else',
  'enough', 'even', 'ever', 'every', 'from', 'further', 'given', 'gives', 'have', 'having', 'here', 'however', 'into', 'itself',
  'just', 'less', 'like', 'made', 'make', 'many', 'mentioned', 'mentions', 'might', 'more', 'most', 'much', 'must', 'neither',
  'never', 'none', 'only', 'onto', 'other', 'others', 'otherwise', 'over', 'passage', 'perhaps', 'rather', 'really', 'said',
  'same', 'says', 'should', 'since', 'some', 'something', 'such', 'text', 'than', 'that', 'their', 'theirs', 'them', 'themselves',
  'then', 'there', 'therefore', 'these', 'they', 'this', 'those', 'though', 'through', 'thus', 'under', 'until', 'upon', 'very',
  'want', 'were', 'what', 'whatever', 'when', 'where', 'whether', 'which', 'while', 'whom', 'whose', 'will', 'with', 'within',
  'without', 'would', 'your', 'yours', 'yourself', 'states', 'stated', 'article', 'document', 'question', 'following',
  'listed',
]);
