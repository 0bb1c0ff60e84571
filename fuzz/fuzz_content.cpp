// libFuzzer target: the content loaders on one YAML file's text — a knowledge-base structures file, a
// sources.yaml or an article section — with their validation (fields, ids, {side} expansion, inline
// [[id|words]] links, the cross-file checks), then what the app does with the result (article
// queries, source notes, the Markdown export). Nothing is written to disk.
// Input layout: the first byte picks the file kind (byte % 3: 0 structures, 1 sources, 2 article
// section; bit 3 on: check ids against a small model), the rest is the file's text. The seed corpus
// has each content file behind its byte. To replay as a file: `tail -c +2 crash-... > file.yaml`.
#include "content/article.h"
#include "content/article_markdown.h"
#include "content/knowledge_base.h"

#include <cstddef>
#include <cstdint>

namespace {

using namespace atlas::content;

const ContentText kSources{"content/sources.yaml",
                           "sources:\n  - id: reference\n    title: Standard references\n"
                           "  - id: article\n    title: The article\n"};
const ContentText kStructures{"content/structures/base.yaml",
                              "structures:\n  - id: \"rib1_{side}\"\n    name: \"{Side} first rib\"\n"
                              "    latin: Costa prima\n    system: bone\n    description: A rib.\n"
                              "    patient: Your top rib.\n"
                              "claims:\n  - id: rib1.relation\n    subject: \"rib1_{side}\"\n"
                              "    role: relation\n    targets: [c7]\n    text: Below C7.\n"
                              "    source: reference\n    cite: [gray41]\n"};
const std::set<std::string> kModelIds{"c7", "rib1_right", "rib1_left", "scalenus_posterior_right",
                                      "scalenus_posterior_left"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 1)
    return 0;
  const int kind = data[0] % 3;
  const bool checkIds = (data[0] & 8) != 0;
  const std::set<std::string> none;
  const std::set<std::string> &ids = checkIds ? kModelIds : none;
  const std::string text(reinterpret_cast<const char *>(data + 1), size - 1);

  if (kind == 0 || kind == 1) {
    const KnowledgeLoad kb =
        kind == 0 ? loadKnowledgeBaseFromTexts({kStructures, {"content/structures/fuzz.yaml", text}},
                                               kSources, "content/structures", ids)
                  : loadKnowledgeBaseFromTexts({kStructures}, {"content/sources.yaml", text},
                                               "content/structures", ids);
    for (const StructureEntry &s : kb.knowledge.structures()) {
      (void)kb.knowledge.claimsAbout(s.id);
      (void)kb.knowledge.claimsTargeting(s.id);
    }
    return 0;
  }

  const std::set<std::string> claims{"rib1.relation"};
  Article article = loadArticleFromTexts({{"content/article/fuzz.yaml", text}}, "content/article", ids,
                                         checkIds ? claims : none);
  attachClaimNotes(article, [](const std::string &id) -> std::optional<ClaimNote> {
    if (id != "rib1.relation")
      return std::nullopt;
    return ClaimNote{id,        "Below C7.",    "The article puts it higher.", atlas::SourceMode::Article,
                     "Rxharun", "rib1.relation"};
  });
  for (const std::string &id : kModelIds)
    (void)passagesMentioning(article, id);
  for (const ArticleSection &s : article.sections) {
    (void)sectionTextMatches(s, "rib", false);
    for (const ArticleItem &item : s.items)
      (void)itemMatches(item, "muscle", true);
  }
  (void)articleMarkdown(article, false);
  (void)articleMarkdown(article, true);
  return 0;
}
