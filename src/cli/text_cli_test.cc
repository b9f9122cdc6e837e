// `shegong text train|classify|eval` as an operator runs them: files in, lines out, exit codes,
// and clear errors for bad files, bad settings and bad lines.
#include <filesystem>
#include <fstream>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

struct Matter {
  const char* label;
  const char* subjects[4];
  const char* bodies[4];
};

// Three matters; every subject is combined with every body of its matter (16 messages each).
const Matter kMatters[] = {
    {"环境保护",
     {"化工厂排放废气", "河道污水直排", "垃圾焚烧冒黑烟", "养殖场粪水污染"},
     {"气味刺鼻影响居民健康", "附近河水发黑发臭", "晚上偷偷排放请环保部门查处",
      "多次反映污染没有整改"}},
    {"劳动和社会保障",
     {"公司拖欠工资", "单位不缴社保", "工伤认定困难", "养老保险转移"},
     {"几个月工资一直不发", "离职后社保断缴无人管", "劳动监察部门请介入", "退休待遇核算有误"}},
    {"教育文体",
     {"小学入学学位紧张", "幼儿园收费过高", "学校课后服务", "初中划片不合理"},
     {"孩子上学要跨区很远", "老师让家长额外交钱", "希望教育局公开政策", "学位分配不透明"}},
};

void write_messages(const std::string& path, int first_body, int bodies) {
  std::ofstream f(path);
  f << "id,subject,body,category\n";
  int id = 1;
  for (const Matter& m : kMatters)
    for (const char* subject : m.subjects)
      for (int b = first_body; b < first_body + bodies; ++b)
        f << id++ << "," << subject << "," << m.bodies[b] << "," << m.label << "\n";
}

class TextCli : public CommandTest {
 protected:
  void SetUp() override {
    CommandTest::SetUp();
    model_ = dir_ + "/category.model";
    write_messages(dir_ + "/train.csv", 0, 3);
    write_messages(dir_ + "/heldout.csv", 3, 1);
  }
  RunResult train(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {
        "text",          "train", "--data",         dir_ + "/train.csv", "--text-column", "subject",
        "--text-column", "body",  "--label-column", "category",          "--out",         model_,
        "--min-count",   "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return sg(args);
  }
  static std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }
  std::string model_;
};

TEST_F(TextCli, TrainPrintsTheModelPathLastAndClassifyAnswersEveryLineInOrder) {
  auto trained = train();
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  EXPECT_EQ(last_line(trained.out), model_);
  EXPECT_TRUE(fs::exists(model_));

  auto classified = sg({"text", "classify", "--model", model_},
                       "化工厂晚上排放废气，气味刺鼻\n公司已经三个月没发工资了\n幼儿园收费太高\n");
  ASSERT_EQ(classified.exit_code, 0) << classified.err;
  auto out = lines(classified.out);
  ASSERT_EQ(out.size(), 3u);
  const char* expected[] = {"环境保护", "劳动和社会保障", "教育文体"};
  for (size_t i = 0; i < 3; ++i) {
    auto tab = out[i].find('\t');
    ASSERT_NE(tab, std::string::npos) << out[i];
    EXPECT_EQ(out[i].substr(0, tab), expected[i]);
    const double confidence = std::stod(out[i].substr(tab + 1));
    EXPECT_GT(confidence, 1.0 / 3);
    EXPECT_LE(confidence, 1.0);
  }

  auto top = sg({"text", "classify", "--model", model_, "--top", "3"}, "单位不缴社保\n");
  ASSERT_EQ(top.exit_code, 0) << top.err;
  auto fields = lines(top.out);
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].rfind("劳动和社会保障:", 0), 0u) << fields[0];
  EXPECT_EQ(std::count(fields[0].begin(), fields[0].end(), '\t'), 2);
}

TEST_F(TextCli, LinesThatCannotBeClassifiedGetAnErrorLineAndTheRestGoOn) {
  ASSERT_EQ(train().exit_code, 0);
  const std::string input = std::string("河道污水直排\n\n   \n") + "\xC3\x28" + "\n养老保险转移\n";
  auto classified = sg({"text", "classify", "--model", model_}, input);
  EXPECT_EQ(classified.exit_code, 2);
  auto out = lines(classified.out);
  ASSERT_EQ(out.size(), 5u) << classified.out;
  EXPECT_EQ(out[0].rfind("环境保护\t", 0), 0u);
  EXPECT_EQ(out[1], "!error\ttext: is empty");
  EXPECT_EQ(out[2], "!error\ttext: is empty");
  EXPECT_EQ(out[3], "!error\ttext: is not valid UTF-8");
  EXPECT_EQ(out[4].rfind("劳动和社会保障\t", 0), 0u);
  // A 1 MB line is a label, not a crash.
  std::string long_line;
  while (long_line.size() < (1u << 20)) long_line += "垃圾焚烧冒黑烟";
  auto big = sg({"text", "classify", "--model", model_}, long_line + "\n");
  EXPECT_EQ(big.exit_code, 0) << big.err;
  EXPECT_EQ(big.out.rfind("环境保护\t", 0), 0u);
}

TEST_F(TextCli, EvalPrintsAccuracyPerClassMacroF1AndTheConfusionMatrix) {
  ASSERT_EQ(train().exit_code, 0);
  auto eval =
      sg({"text", "eval", "--model", model_, "--data", dir_ + "/heldout.csv", "--text-column",
          "subject", "--text-column", "body", "--label-column", "category"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  EXPECT_NE(eval.out.find("texts: 12"), std::string::npos) << eval.out;
  EXPECT_NE(eval.out.find("accuracy: "), std::string::npos);
  EXPECT_NE(eval.out.find("macro F1: "), std::string::npos);
  EXPECT_NE(eval.out.find("confusion matrix"), std::string::npos);
  for (const Matter& m : kMatters) EXPECT_NE(eval.out.find(m.label), std::string::npos);
}

TEST_F(TextCli, RelabelReadsLabelsUnderTheProductsNamesInTrainingAndEvaluation) {
  // Data from another taxonomy: 环境保护 is called 环保 there.
  for (const char* name : {"/train.csv", "/heldout.csv"}) {
    std::ifstream in(dir_ + name);
    std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (size_t at; (at = csv.find("环境保护")) != std::string::npos;) csv.replace(at, 12, "环保");
    std::ofstream(dir_ + name) << csv;
  }
  auto trained = train({"--relabel", "环保=环境保护", "--relabel", "旧类=民政"});
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  EXPECT_NE(trained.out.find("  环境保护 12\n"), std::string::npos) << trained.out;
  EXPECT_EQ(trained.out.find("环保 "), std::string::npos) << trained.out;
  EXPECT_NE(trained.err.find("relabelled 12 rows from 环保 to 环境保护"), std::string::npos)
      << trained.err;
  EXPECT_NE(trained.err.find("relabelled 0 rows from 旧类 to 民政 (no row has that label)"),
            std::string::npos)
      << trained.err;
  auto classified =
      sg({"text", "classify", "--model", model_}, "化工厂排放废气 附近河水发黑发臭\n");
  ASSERT_EQ(classified.exit_code, 0) << classified.err;
  EXPECT_TRUE(classified.out.starts_with("环境保护\t")) << classified.out;

  const std::vector<std::string> eval = {
      "text",          "eval", "--model",        model_,     "--data",        dir_ + "/heldout.csv",
      "--text-column", "body", "--label-column", "category", "--text-column", "subject"};
  auto unmapped = sg(eval);
  ASSERT_EQ(unmapped.exit_code, 0) << unmapped.err;
  EXPECT_NE(unmapped.out.find("环保"), std::string::npos);  // scored as a class never predicted
  auto mapped = eval;
  mapped.insert(mapped.end(), {"--relabel", "环保=环境保护"});
  auto relabelled = sg(mapped);
  ASSERT_EQ(relabelled.exit_code, 0) << relabelled.err;
  EXPECT_EQ(relabelled.out.find("环保"), std::string::npos) << relabelled.out;

  auto bad = train({"--relabel", "环保"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("relabel"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("FROM=TO"), std::string::npos) << bad.err;
}

TEST_F(TextCli, BadFilesSettingsAndModelsAreClearErrors) {
  auto no_column = sg({"text", "train", "--data", dir_ + "/train.csv", "--text-column", "content",
                       "--label-column", "category", "--out", model_});
  EXPECT_NE(no_column.exit_code, 0);
  EXPECT_NE(no_column.err.find("train.csv"), std::string::npos) << no_column.err;
  EXPECT_NE(no_column.err.find("subject"), std::string::npos) << no_column.err;  // what it has
  EXPECT_FALSE(fs::exists(model_));

  // Settings out of range: the error names the setting and no model is written.
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad_settings = {
      {{"--lead", "-1"}, "lead"},
      {{"--ngram-window", "-5"}, "ngram-window"},
      {{"--block-weights", "1,-1,0.5"}, "block-weights"},
      {{"--block-weights", "1,1"}, "block-weights"}};
  for (const auto& [args, setting] : bad_settings) {
    auto bad = train(args);
    EXPECT_NE(bad.exit_code, 0) << setting;
    EXPECT_NE(bad.err.find(setting), std::string::npos) << bad.err;
  }
  EXPECT_FALSE(fs::exists(model_));
  auto whole = train({"--block-weights", "0,0,0"});
  EXPECT_EQ(whole.exit_code, 0) << whole.err;
  fs::remove(model_);

  // A model written over its own training data, or over a database, would destroy it.
  const std::string data_before = slurp(dir_ + "/train.csv");
  for (const std::string& out : {dir_ + "/train.csv", dir_ + "/./train.csv"}) {
    auto over_data = sg({"text", "train", "--data", dir_ + "/train.csv", "--text-column", "subject",
                         "--label-column", "category", "--out", out});
    EXPECT_NE(over_data.exit_code, 0);
    EXPECT_NE(over_data.err.find("out: " + out + " is also read by this command"),
              std::string::npos)
        << over_data.err;
  }
  EXPECT_EQ(slurp(dir_ + "/train.csv"), data_before);
  auto migrated = sg({"migrate", "--db", dir_ + "/shegong.db"});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  const std::string db_before = slurp(dir_ + "/shegong.db");
  auto over_db = sg({"text", "train", "--data", dir_ + "/train.csv", "--text-column", "subject",
                     "--label-column", "category", "--out", dir_ + "/shegong.db"});
  EXPECT_NE(over_db.exit_code, 0);
  EXPECT_NE(over_db.err.find("SQLite database"), std::string::npos) << over_db.err;
  EXPECT_EQ(slurp(dir_ + "/shegong.db"), db_before);

  auto missing = sg({"text", "classify", "--model", dir_ + "/none.model"}, "噪音\n");
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("none.model"), std::string::npos) << missing.err;

  std::ofstream(dir_ + "/not.model") << "id,subject\n1,hello\n";
  auto not_model =
      sg({"text", "eval", "--model", dir_ + "/not.model", "--data", dir_ + "/heldout.csv",
          "--text-column", "body", "--label-column", "category"});
  EXPECT_NE(not_model.exit_code, 0);
  EXPECT_NE(not_model.err.find("not a shegong text classifier model"), std::string::npos)
      << not_model.err;
}

}  // namespace
}  // namespace shegong::testing
