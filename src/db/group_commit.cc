#include "db/group_commit.h"

namespace shegong::db {

Status run_guarded(const Work& work, Session& session) {
  try {
    return work(session);
  } catch (const std::exception& e) {
    return Internal(std::string("unit of work threw: ") + e.what());
  }
}

GroupCommitWriter::GroupCommitWriter(Session& session, Options options)
    : session_(session), options_(std::move(options)) {
  thread_ = std::thread([this] { loop(); });
}

GroupCommitWriter::~GroupCommitWriter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

Status GroupCommitWriter::write(const Work& work) {
  Job job{&work, {}};
  auto done = job.done.get_future();
  {
    std::lock_guard lock(mu_);
    if (stopping_) return {Code::kUnavailable, "storage is closing"};
    queue_.push_back(&job);
  }
  cv_.notify_one();
  return done.get();
}

void GroupCommitWriter::loop() {
  std::vector<Job*> batch;
  std::vector<Status> results;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued has been committed
      while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    Status ready = options_.before_transaction ? options_.before_transaction() : Status::Ok();
    if (ready.ok()) {
      commit_batch(batch, results);
    } else {
      results.assign(batch.size(), ready);
    }
    for (size_t i = 0; i < batch.size(); ++i) batch[i]->done.set_value(results[i]);
    batch.clear();
  }
}

void GroupCommitWriter::commit_batch(const std::vector<Job*>& batch, std::vector<Status>& results) {
  results.assign(batch.size(), Status::Ok());
  // A lone unit of work needs no savepoint: its transaction isolates it. (An open savepoint makes
  // SQLite keep a statement journal for every write, which grows with the transaction.)
  if (batch.size() == 1) {
    results[0] = commit_alone(*batch[0]->work);
    return;
  }
  // Each unit runs inside the savepoint "unit". Closing one unit's savepoint and opening the next
  // one travel together as one script, and the first is opened with the transaction: one round
  // trip to the server per unit for the savepoints, not two.
  Session& s = session_;
  Status opened = begin(options_.begin + "; SAVEPOINT unit");
  if (!opened.ok()) {
    results.assign(batch.size(), opened);
    return;
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    const std::string then = i + 1 == batch.size() ? "" : "; SAVEPOINT unit";
    results[i] = run_guarded(*batch[i]->work, s);
    Status kept =
        s.exec_script((results[i].ok() ? "RELEASE unit" : "ROLLBACK TO unit; RELEASE unit") + then);
    if (!kept.ok() && results[i].ok()) {
      // Either the unit went on past a statement that failed (PostgreSQL then refuses the rest of
      // the transaction, the release too), and it is undone like any failed one while the others
      // stay; or the transaction is lost (the connection with it), and so are they all, below.
      Status undone = s.exec_script("ROLLBACK TO unit; RELEASE unit" + then);
      if (undone.ok()) {
        results[i] = Internal("a statement of this unit of work failed: " + kept.message());
        kept = undone;
      }
    }
    if (!kept.ok()) {
      // The transaction cannot go on: none of it is committed, so no unit may report success.
      s.exec_script("ROLLBACK");
      for (size_t j = 0; j < batch.size(); ++j) {
        if (j > i || results[j].ok()) results[j] = kept;
      }
      return;
    }
  }
  Status commit = s.exec("COMMIT", {}).status();
  if (!commit.ok()) {
    s.exec_script("ROLLBACK");
    for (auto& r : results) {
      if (r.ok()) r = commit;
    }
  }
}

Status GroupCommitWriter::begin(const std::string& script) {
  Status st = session_.exec_script(script);
  if (!st.ok() && options_.connection_lost && options_.connection_lost()) {
    st = options_.before_transaction ? options_.before_transaction() : Status::Ok();
    if (st.ok()) st = session_.exec_script(script);
  }
  // A script that failed part-way (the lock not granted in time, the savepoint refused) may have
  // left its transaction open: end it, so the next one starts clean.
  if (!st.ok()) session_.exec_script("ROLLBACK");
  return st;
}

Status GroupCommitWriter::commit_alone(const Work& work) {
  Session& s = session_;
  SHEGONG_RETURN_IF_ERROR(begin(options_.begin));
  Status st = run_guarded(work, s);
  if (st.ok()) st = s.exec("COMMIT", {}).status();
  if (!st.ok()) s.exec_script("ROLLBACK");
  return st;
}

}  // namespace shegong::db
