#include "text/classifier.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include "base/csv.h"

namespace shegong::text {
namespace {

const Lexicon kLexicon{{"噪音", "扰民", "施工", "夜间", "工资", "拖欠", "讨薪", "学校", "老师",
                        "补课", "学生", "工地", "公司"},
                       {"的", "了", "在"}};

std::vector<LabelledText> corpus() {
  std::vector<LabelledText> out;
  const char* noise[] = {"夜间施工噪音扰民", "工地的噪音太大", "施工噪音扰民严重", "夜间噪音"};
  const char* wages[] = {"公司拖欠工资", "讨薪无门拖欠工资", "工地拖欠农民工工资", "工资被拖欠"};
  const char* school[] = {"学校老师违规补课", "学生在学校被收费", "老师补课收费", "学校乱收费"};
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 4; ++i) {
      out.push_back({noise[i], "环境保护", "noise"});
      out.push_back({wages[i], "劳动和社会保障", "wages"});
      out.push_back({school[i], "教育文体", "school"});
    }
  return out;
}

TrainingOptions small_options() {
  TrainingOptions options;
  options.min_count = 1;
  options.epochs = 30;
  return options;
}

Classifier trained() {
  auto classifier = Classifier::train(corpus(), kLexicon, small_options());
  EXPECT_TRUE(classifier.ok()) << classifier.status().to_string();
  return std::move(classifier).value();
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("shegong-classifier-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

TEST(Classifier, LearnsCategoriesAndClassifiesUnseenRawText) {
  Classifier c = trained();
  EXPECT_EQ(c.labels(), (std::vector<std::string>{"劳动和社会保障", "教育文体", "环境保护"}));
  EXPECT_EQ(c.classify("楼下工地夜间施工，噪音很大！")->label, "环境保护");
  EXPECT_EQ(c.classify("我們公司拖欠工資半年了")->label, "劳动和社会保障");  // Traditional
  EXPECT_EQ(c.classify("孩子的学校老师暑假补课")->label, "教育文体");
  EXPECT_GT(c.classify("公司拖欠工资")->confidence, 0.5);
}

TEST(Classifier, TopKIsOrderedAndConfidencesSumToOne) {
  Classifier c = trained();
  auto top = c.top_k("学校附近工地夜间施工噪音", 3);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 3u);
  double total = 0;
  for (size_t i = 0; i < top->size(); ++i) {
    total += (*top)[i].confidence;
    if (i) {
      EXPECT_GE((*top)[i - 1].confidence, (*top)[i].confidence);
    }
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
  EXPECT_EQ(c.top_k("噪音", 10)->size(), 3u);  // no more than there are labels
  EXPECT_EQ(c.top_k("噪音", 1)->front().label, c.classify("噪音")->label);
}

TEST(Classifier, RefusesInvalidAndEmptyTextButLabelsAnythingElse) {
  Classifier c = trained();
  EXPECT_EQ(c.classify("噪音\xFF\xFE").status().field(), "text");
  EXPECT_EQ(c.classify("").status().field(), "text");
  EXPECT_EQ(c.classify(" \t\u3000 ").status().field(), "text");
  // Nothing the model knows: the a-priori label, with no more confidence than a coin of 3 sides.
  auto emoji = c.classify("🏠🚗😡 ノイズ 소음");
  ASSERT_TRUE(emoji.ok());
  EXPECT_LT(emoji->confidence, 0.5);
  EXPECT_EQ(c.classify("Noise 噪音 ノイズ 🚧 夜间施工")->label, "环境保护");
  std::string big;
  while (big.size() < (1u << 20)) big += "拖欠工资 ";
  auto large = c.classify(big);
  ASSERT_TRUE(large.ok());
  EXPECT_EQ(large->label, "劳动和社会保障");
}

TEST(Classifier, SavedModelPredictsExactlyAsTheOriginal) {
  Classifier c = trained();
  const std::string path = temp_path("roundtrip.model");
  ASSERT_TRUE(c.save(path).ok());
  auto loaded = Classifier::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_EQ(loaded->labels(), c.labels());
  EXPECT_EQ(loaded->feature_count(), c.feature_count());
  EXPECT_EQ(loaded->dictionary_size(), c.dictionary_size());
  for (const char* text : {"夜间施工噪音", "老师补课", "拖欠工资", "🏠"}) {
    auto a = c.top_k(text, 3), b = loaded->top_k(text, 3);
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_EQ((*a)[i].label, (*b)[i].label);
      EXPECT_DOUBLE_EQ((*a)[i].confidence, (*b)[i].confidence);
    }
  }
  std::filesystem::remove(path);
}

TEST(Classifier, TrainingKeepsOnlyTheDictionaryWordsItsTextsUse) {
  Classifier c = trained();
  EXPECT_EQ(c.dictionary_size(), kLexicon.words.size());  // the corpus uses every word
  auto with_extra = kLexicon;
  with_extra.words.push_back("从未出现");
  auto d = Classifier::train(corpus(), with_extra, small_options());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->dictionary_size(), c.dictionary_size());
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(Classifier, WrongOrDamagedModelFilesAreClearErrors) {
  Classifier c = trained();
  const std::string path = temp_path("damaged.model");
  ASSERT_TRUE(c.save(path).ok());
  const std::string good = *read_file(path);
  auto message_for = [&](const std::string& bytes) {
    write_bytes(path, bytes);
    auto r = Classifier::load(path);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().field(), "model");
    return r.ok() ? std::string() : r.status().message();
  };
  EXPECT_NE(message_for("id,subject\n1,hello\n").find("not a shegong text classifier model"),
            std::string::npos);
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x20;
  EXPECT_NE(message_for(flipped).find("checksum"), std::string::npos);
  EXPECT_NE(message_for(good.substr(0, good.size() - 100)).find("truncated"), std::string::npos);
  std::string future = good;
  future[8] = 9;  // the version field follows the 8-byte magic
  EXPECT_NE(message_for(future).find("version 9"), std::string::npos);
  EXPECT_NE(message_for("").find("not a shegong"), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_EQ(Classifier::load(path).status().code(), Code::kNotFound);
}

// `file` with its checksum (the last 8 bytes: FNV-1a-64 of every byte before them) made right
// again, so that a change to its contents reaches the payload's checks.
std::string rechecked(std::string file) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i + 8 < file.size(); ++i)
    h = (h ^ static_cast<unsigned char>(file[i])) * 0x100000001b3ULL;
  std::memcpy(file.data() + file.size() - 8, &h, 8);
  return file;
}

// A model file that is whole, but whose labels or weights no training makes, is refused: a label
// with a tab would break classify's output, weights out of range give confidences that are not
// numbers.
TEST(Classifier, ModelFilesWithBadLabelsOrWeightsAreRefused) {
  Classifier c = trained();
  const std::string path = temp_path("labels.model");
  ASSERT_TRUE(c.save(path).ok());
  const std::string good = *read_file(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(Classifier::parse(rechecked(good), "good.model").ok());
  // Payload: five u32 feature options and three f32 block weights, then the label count and the
  // first label's length and bytes (each label here is Han characters of three bytes each).
  constexpr size_t kFirstLabel = 8 + 4 + 8 + 5 * 4 + 3 * 4 + 4 + 4;
  auto refusal = [](const std::string& file) {
    auto r = Classifier::parse(file, "bad.model");
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().field(), "model");
    return r.ok() ? std::string() : r.status().message();
  };
  std::string tab = good;
  tab.replace(kFirstLabel, 3, "\t\t\t");
  EXPECT_NE(refusal(rechecked(tab)).find("a label of the model holds a control character (U+0009)"),
            std::string::npos);
  std::string broken = good;
  broken[kFirstLabel] = '\xff';
  EXPECT_NE(refusal(rechecked(broken)).find("is not valid UTF-8"), std::string::npos);
  for (float weight : {std::numeric_limits<float>::infinity(), 1e30f, -1e30f,
                       std::numeric_limits<float>::quiet_NaN()}) {
    std::string huge = good;  // the last bias, just before the checksum
    std::memcpy(huge.data() + huge.size() - 8 - 4, &weight, 4);
    EXPECT_NE(refusal(rechecked(huge)).find("not finite or out of range"), std::string::npos)
        << weight;
  }
}

// An older file made from a version 3 file: version 2 lacks the three f32 block weights that
// follow the five u32 feature options, version 1 also the lead and the n-gram window (the fourth
// and fifth u32).
std::string as_version(const std::string& v3, uint32_t version) {
  constexpr size_t kHeader = 8 + 4 + 8, kLeadAt = kHeader + 12, kBlocksAt = kLeadAt + 8;
  const size_t cut_from = version == 1 ? kLeadAt : kBlocksAt;
  std::string old =
      v3.substr(0, cut_from) + v3.substr(kBlocksAt + 12, v3.size() - 8 - kBlocksAt - 12);
  old[8] = static_cast<char>(version);
  const uint64_t payload = old.size() - kHeader;
  std::memcpy(old.data() + 12, &payload, 8);
  return rechecked(old + std::string(8, '\0'));
}

void expect_same_predictions(const Classifier& a, const Classifier& b) {
  for (const char* text : {"小区楼下烧烤油烟太大", "学校食堂饭菜不卫生", "公交车司机态度差"}) {
    auto x = a.top_k(text, 3), y = b.top_k(text, 3);
    ASSERT_TRUE(x.ok() && y.ok());
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_EQ((*x)[i].label, (*y)[i].label);
      EXPECT_FLOAT_EQ((*x)[i].confidence, (*y)[i].confidence);
    }
  }
}

// Trains with `options`, saves, rewrites the file as format `version` and loads it; the loaded
// model must predict exactly as the trained one.
Classifier trained_and_read_as_version(const TrainingOptions& options, uint32_t version) {
  auto c = Classifier::train(corpus(), kLexicon, options);
  EXPECT_TRUE(c.ok());
  const std::string path = temp_path("v" + std::to_string(version) + ".model");
  EXPECT_TRUE(c->save(path).ok());
  write_bytes(path, as_version(*read_file(path), version));
  auto old = Classifier::load(path);
  std::filesystem::remove(path);
  EXPECT_TRUE(old.ok()) << old.status().to_string();
  expect_same_predictions(*c, *old);
  return std::move(old).value();
}

TEST(Classifier, ReadsVersion1FilesAsModelsWithoutALeadOrBlocks) {
  TrainingOptions options = small_options();
  options.features.lead = 0;
  options.features.ngram_window = 0;
  options.block_weights = {0, 0, 0};
  Classifier old = trained_and_read_as_version(options, 1);
  EXPECT_EQ(old.feature_options().lead, 0);
  EXPECT_EQ(old.feature_options().ngram_window, 0);
  // Both are stored: a model trained with them reads back with them.
  const std::string path = temp_path("v3.model");
  ASSERT_TRUE(trained().save(path).ok());
  EXPECT_EQ(Classifier::load(path)->feature_options().lead, 20);
  EXPECT_EQ(Classifier::load(path)->feature_options().ngram_window, 300);
  std::filesystem::remove(path);
}

TEST(Classifier, ReadsVersion2FilesAsModelsScaledAsAWhole) {
  TrainingOptions options = small_options();
  options.block_weights = {0, 0, 0};
  EXPECT_EQ(trained_and_read_as_version(options, 2).feature_options().lead, 20);
}

// The blocks are scaled one by one: a message whose words block is long gets the same weight for
// its n-grams as a short one, and a block of weight 0 does not count at all.
TEST(Classifier, BlockWeightsScaleEachBlockOnItsOwn) {
  TrainingOptions options = small_options();
  auto by_block = Classifier::train(corpus(), kLexicon, options);
  options.block_weights = {0, 0, 0};
  auto whole = Classifier::train(corpus(), kLexicon, options);
  ASSERT_TRUE(by_block.ok() && whole.ok());
  // The same data, two normalisations: the same winners, different confidences.
  auto a = by_block->top_k("夜间施工噪音扰民", 3), b = whole->top_k("夜间施工噪音扰民", 3);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)[0].label, "环境保护");
  EXPECT_EQ((*b)[0].label, "环境保护");
  EXPECT_NE((*a)[0].confidence, (*b)[0].confidence);
  // Only the words count: a text of words the corpus never had as words gets the prior.
  options.block_weights = {1, 0, 0};
  auto words_only = Classifier::train(corpus(), kLexicon, options);
  ASSERT_TRUE(words_only.ok());
  auto unknown_words = words_only->top_k("噪", 3), none = words_only->top_k("ノイズ", 3);
  ASSERT_TRUE(unknown_words.ok() && none.ok());
  for (size_t i = 0; i < 3; ++i)
    EXPECT_FLOAT_EQ((*unknown_words)[i].confidence, (*none)[i].confidence);
  // ... while the n-grams of the full model know 噪.
  auto known_ngram = by_block->top_k("噪", 1);
  ASSERT_TRUE(known_ngram.ok());
  EXPECT_EQ(known_ngram->front().label, "环境保护");
  const std::string path = temp_path("blocks.model");
  ASSERT_TRUE(words_only->save(path).ok());
  auto loaded = Classifier::load(path);
  ASSERT_TRUE(loaded.ok());
  expect_same_predictions(*words_only, *loaded);
  std::filesystem::remove(path);
  options.block_weights = {1, -1, 0};
  EXPECT_EQ(Classifier::train(corpus(), kLexicon, options).status().field(), "block-weights");
  options.block_weights = {1, 1, 1e9};
  EXPECT_EQ(Classifier::train(corpus(), kLexicon, options).status().field(), "block-weights");
}

TEST(Classifier, TrainingRejectsBadInputNamingWhere) {
  auto one_label = corpus();
  for (auto& t : one_label) t.label = "环境保护";
  EXPECT_EQ(Classifier::train(one_label, kLexicon, small_options()).status().field(), "label");

  auto bad_text = corpus();
  bad_text[5].text = "噪音\xC0\x80";
  auto r = Classifier::train(bad_text, kLexicon, small_options());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find(bad_text[5].source), std::string::npos);

  auto bang = corpus();
  bang[0].label = "!error";
  EXPECT_EQ(Classifier::train(bang, kLexicon, small_options()).status().field(), "label");

  TrainingOptions zero_epochs = small_options();
  zero_epochs.epochs = 0;
  EXPECT_EQ(Classifier::train(corpus(), kLexicon, zero_epochs).status().field(), "epochs");

  // Options inside their ranges can still make the optimiser diverge; such a model is refused
  // rather than saved with weights whose every confidence would be NaN.
  TrainingOptions too_fast = small_options();
  too_fast.learning_rate = 100;
  too_fast.l2 = 0;
  EXPECT_EQ(Classifier::train(corpus(), kLexicon, too_fast).status().field(), "learning-rate");

  TrainingOptions bad_power = small_options();
  bad_power.nb_power = -1;
  EXPECT_EQ(Classifier::train(corpus(), kLexicon, bad_power).status().field(), "nb-power");
  TrainingOptions bad_scale = small_options();
  bad_scale.confidence_scale = 0;
  EXPECT_EQ(Classifier::train(corpus(), kLexicon, bad_scale).status().field(), "confidence-scale");
}

TEST(Classifier, ConfidenceScaleSharpensWithoutChangingTheRanking) {
  TrainingOptions sharp = small_options(), flat = small_options();
  sharp.confidence_scale = 8;
  flat.confidence_scale = 1;
  auto a = Classifier::train(corpus(), kLexicon, sharp);
  auto b = Classifier::train(corpus(), kLexicon, flat);
  ASSERT_TRUE(a.ok() && b.ok());
  for (const char* text : {"夜间施工噪音", "拖欠工资", "学校补课", "工地的学校"}) {
    auto x = a->top_k(text, 3), y = b->top_k(text, 3);
    ASSERT_TRUE(x.ok() && y.ok());
    for (size_t i = 0; i < 3; ++i) EXPECT_EQ((*x)[i].label, (*y)[i].label) << text;
    EXPECT_GT((*x)[0].confidence, (*y)[0].confidence) << text;
  }
}

TEST(Classifier, NaiveBayesScalingCanBeTurnedOff) {
  TrainingOptions plain = small_options();
  plain.nb_power = 0;
  auto c = Classifier::train(corpus(), kLexicon, plain);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->classify("楼下工地夜间施工，噪音很大！")->label, "环境保护");
  EXPECT_EQ(c->classify("孩子的学校老师暑假补课")->label, "教育文体");
}

TEST(Classifier, EmptyTextsAreSkippedInTraining) {
  auto texts = corpus();
  texts.push_back({"   ", "商贸旅游", "blank"});
  auto c = Classifier::train(texts, kLexicon, small_options());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->labels().size(), 3u);  // the blank text's label never entered
}

TEST(Classifier, SameDataAndSeedGiveTheSameModel) {
  Classifier a = trained(), b = trained();
  EXPECT_DOUBLE_EQ(a.classify("老师补课")->confidence, b.classify("老师补课")->confidence);
}

}  // namespace
}  // namespace shegong::text
