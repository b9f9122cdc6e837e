// shegong text train | classify | eval: the category classifier on the command line.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>

#include "base/output_path.h"
#include "cli/commands.h"
#include "cli/subcommands.h"
#include "text/classifier.h"
#include "text/classifier_data.h"
#include "text/classifier_eval.h"

namespace shegong::cli {

namespace {

using text::Classifier;

struct DataArgs {
  std::vector<std::string> files;
  text::LabelledSource source;
  std::vector<std::string> relabel;  // FROM=TO
};

struct TrainArgs {
  DataArgs data;
  std::string out;
  std::string dictionary = "/usr/share/friso/dict/UTF-8";
  text::TrainingOptions options;
  bool no_words = false;
  bool uniform_weights = false;
  std::vector<double> block_weights;
};

struct ClassifyArgs {
  std::string model;
  size_t top = 0;  // 0: "label<TAB>confidence"; k: k "label:confidence" fields
};

struct EvalArgs {
  std::string model;
  DataArgs data;
};

std::string confidence(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

Result<text::LabelledData> read_data(const DataArgs& args) {
  auto relabel = text::parse_relabelling(args.relabel);
  if (!relabel.ok()) return relabel.status();
  text::LabelledSource source = args.source;
  source.relabel = std::move(*relabel);
  auto data = text::read_labelled_csv(args.files, source);
  if (!data.ok()) return data;
  if (data->skipped) std::cerr << "skipped " << data->skipped << " rows without a label\n";
  for (const auto& [from, rows] : data->renamed)
    std::cerr << "relabelled " << rows << " rows from " << from << " to " << source.relabel.at(from)
              << (rows ? "" : " (no row has that label)") << "\n";
  return data;
}

int train(const TrainArgs& args) {
  const auto started = std::chrono::steady_clock::now();
  if (Status out = check_output_path(args.out, args.data.files, "out"); !out.ok()) return fail(out);
  auto data = read_data(args.data);
  if (!data.ok()) return fail(data.status());
  auto lexicon = text::load_friso_lexicon(args.dictionary);
  if (!lexicon.ok()) return fail(lexicon.status());
  text::TrainingOptions options = args.options;
  options.features.words = !args.no_words;
  options.balanced = !args.uniform_weights;
  if (!args.block_weights.empty())
    std::copy(args.block_weights.begin(), args.block_weights.end(), options.block_weights.begin());
  auto classifier = Classifier::train(data->texts, *lexicon, options);
  if (!classifier.ok()) return fail(classifier.status());
  if (Status saved = classifier->save(args.out); !saved.ok()) return fail(saved);

  std::map<std::string, size_t> per_label;
  for (const auto& t : data->texts) ++per_label[t.label];
  std::cout << "texts: " << data->texts.size() << "\n";
  for (const auto& [label, count] : per_label) std::cout << "  " << label << " " << count << "\n";
  std::cout << "features: " << classifier->feature_count()
            << ", dictionary words: " << classifier->dictionary_size() << "\n";
  std::cout << "seconds: "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
            << "\n";
  std::cout << args.out << "\n";
  return 0;
}

// One output line per input line, so that answers stay aligned with questions; a line that cannot
// be classified gets "!error<TAB>reason" (no label starts with '!').
std::string answer(const Classifier& classifier, std::string_view line, size_t top, bool& refused) {
  auto predictions = classifier.top_k(line, top ? top : 1);
  if (!predictions.ok()) {
    refused = true;
    const Status& s = predictions.status();
    return "!error\t" + (s.field().empty() ? "" : s.field() + ": ") + s.message() + "\n";
  }
  if (!top)
    return predictions->front().label + "\t" + confidence(predictions->front().confidence) + "\n";
  std::string out;
  for (const auto& p : *predictions)
    out += (out.empty() ? "" : "\t") + p.label + ":" + confidence(p.confidence);
  return out + "\n";
}

int classify(const ClassifyArgs& args) {
  auto classifier = Classifier::load(args.model);
  if (!classifier.ok()) return fail(classifier.status());
  std::ios::sync_with_stdio(false);
  std::string line;
  bool refused = false;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::cout << answer(*classifier, line, args.top, refused);
    // Flush before waiting for more input, so that a program feeding one line at a time gets its
    // answer, while a file piped in is written in large blocks.
    if (std::cin.rdbuf()->in_avail() <= 0) std::cout.flush();
  }
  std::cout.flush();
  return refused ? 2 : 0;
}

int eval(const EvalArgs& args) {
  auto classifier = Classifier::load(args.model);
  if (!classifier.ok()) return fail(classifier.status());
  auto data = read_data(args.data);
  if (!data.ok()) return fail(data.status());
  std::cout << text::format_evaluation(text::evaluate(*classifier, data->texts));
  return 0;
}

void add_data_options(CLI::App& cmd, DataArgs& data) {
  cmd.add_option("--data", data.files,
                 "CSV file with a header row; repeat for more files (e.g. a corrections file)")
      ->required();
  cmd.add_option("--text-column", data.source.text_columns,
                 "Column holding text; repeat to join several (in this order, with a space); each "
                 "file uses the ones it has")
      ->required();
  cmd.add_option("--label-column", data.source.label_column, "Column holding the category")
      ->required();
  cmd.add_option("--relabel", data.relabel,
                 "FROM=TO: read label FROM as TO (e.g. 卫生计生=卫生健康 for data from another "
                 "taxonomy); repeat for more labels");
}

}  // namespace

void add_text_classifier_commands(CLI::App& text, CommandRunner* chosen) {
  auto train_args = std::make_shared<TrainArgs>();
  auto* train_cmd = text.add_subcommand(
      "train", "Train a category model from labelled CSV files; prints the model path last");
  add_data_options(*train_cmd, train_args->data);
  train_cmd->add_option("--out", train_args->out, "Model file to write")->required();
  train_cmd->add_option("--dictionary", train_args->dictionary,
                        "Folder of friso's lexicon (friso.lex.ini) for word segmentation");
  auto& o = train_args->options;
  train_cmd->add_option("--min-count", o.min_count, "Texts a feature must occur in")
      ->capture_default_str();
  train_cmd->add_option("--epochs", o.epochs, "Passes over the data")->capture_default_str();
  train_cmd->add_option("--l2", o.l2, "L2 penalty per example")->capture_default_str();
  train_cmd->add_option("--learning-rate", o.learning_rate, "Initial SGD step")
      ->capture_default_str();
  train_cmd->add_option("--min-ngram", o.features.min_ngram, "Shortest character n-gram")
      ->capture_default_str();
  train_cmd->add_option("--max-ngram", o.features.max_ngram, "Longest character n-gram")
      ->capture_default_str();
  train_cmd
      ->add_option("--lead", o.features.lead,
                   "Characters at the start (after stop words) whose words and n-grams are "
                   "also features of their own; 0: none")
      ->capture_default_str();
  train_cmd
      ->add_option("--ngram-window", o.features.ngram_window,
                   "Character n-grams from this many characters at the start (after stop "
                   "words); 0: all")
      ->capture_default_str();
  train_cmd->add_flag("--no-words", train_args->no_words, "Character n-grams only");
  train_cmd->add_flag("--uniform-weights", train_args->uniform_weights,
                      "Weigh every text the same (default: every label the same)");
  train_cmd
      ->add_option("--block-weights", train_args->block_weights,
                   "Weights of the words, the character n-grams and the lead, each block scaled "
                   "to unit length first (default 1,1,0.5); 0,0,0: the whole vector scaled at once")
      ->expected(static_cast<int>(text::kFeatureBlocks))
      ->delimiter(',');
  train_cmd->add_option("--seed", o.seed, "Order of examples")->capture_default_str();
  train_cmd->callback(
      [chosen, train_args] { *chosen = [train_args] { return train(*train_args); }; });

  auto classify_args = std::make_shared<ClassifyArgs>();
  auto* classify_cmd = text.add_subcommand(
      "classify",
      "Classify one message per stdin line: label<TAB>confidence, or with --top K the K best "
      "as label:confidence fields; a line that cannot be classified gets !error<TAB>reason");
  classify_cmd->add_option("--model", classify_args->model, "Model file")->required();
  classify_cmd->add_option("--top", classify_args->top, "Print the K most likely labels")
      ->check(CLI::Range(1, 1000));
  classify_cmd->callback(
      [chosen, classify_args] { *chosen = [classify_args] { return classify(*classify_args); }; });

  auto eval_args = std::make_shared<EvalArgs>();
  auto* eval_cmd = text.add_subcommand(
      "eval", "Accuracy, per-class precision/recall/F1, macro F1 and confusion matrix");
  eval_cmd->add_option("--model", eval_args->model, "Model file")->required();
  add_data_options(*eval_cmd, eval_args->data);
  eval_cmd->callback([chosen, eval_args] { *chosen = [eval_args] { return eval(*eval_args); }; });
}

}  // namespace shegong::cli
