// One writer for an engine: units of work queued by many threads run one after another on a
// single session, those queued at the same moment in one transaction (group commit: one durable
// commit for many writes). Each unit of a shared transaction runs inside its own savepoint, so a
// unit that fails leaves nothing behind and does not disturb the others; a unit alone needs none.
//
// Writes are serialised like this on every engine, so a unit of work that reads and then writes
// (the audit chain's last hash, a daily sequence) sees no other unit's writes in between.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/db.h"

namespace shegong::db {

// Runs `work`, turning an escaping exception into an Internal status so that one bad unit of work
// cannot take down the thread that runs it.
Status run_guarded(const Work& work, Session& session);

class GroupCommitWriter {
 public:
  struct Options {
    std::string begin = "BEGIN";  // the statement that opens a write transaction
    int max_batch = 512;          // upper bound on the units that share one commit
    // Called before each transaction; an error fails the units of that transaction (e.g. a
    // connection that could not be re-established). When opening the transaction fails and
    // `connection_lost` says the connection is gone, it is called once more and the opening tried
    // again: no unit of work has run yet, so nothing can be done twice.
    std::function<Status()> before_transaction = {};
    std::function<bool()> connection_lost = {};
  };

  GroupCommitWriter(Session& session, Options options);
  ~GroupCommitWriter();  // commits everything queued, then stops
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  Status write(const Work& work);

 private:
  struct Job {
    const Work* work;
    std::promise<Status> done;
  };

  void loop();
  Status begin(const std::string& script);  // opens the transaction (with what follows it)
  void commit_batch(const std::vector<Job*>& batch, std::vector<Status>& results);
  Status commit_alone(const Work& work);

  Session& session_;
  Options options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace shegong::db
