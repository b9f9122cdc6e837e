#include "db/reader_pool.h"

#include "db/group_commit.h"

namespace shegong::db {

ReaderPool::ReaderPool(std::vector<std::unique_ptr<Session>> sessions, std::string begin,
                       std::function<Status(Session&)> before_transaction)
    : sessions_(std::move(sessions)),
      begin_(std::move(begin)),
      before_transaction_(std::move(before_transaction)) {
  for (auto& s : sessions_) free_.push_back(s.get());
}

Status ReaderPool::read(const Work& work) {
  Session* session;
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !free_.empty(); });
    session = free_.back();
    free_.pop_back();
  }
  Status st = before_transaction_ ? before_transaction_(*session) : Status::Ok();
  if (st.ok()) st = session->exec(begin_, {}).status();
  if (st.code() == Code::kUnavailable && before_transaction_) {
    // The connection was found gone on opening the transaction: open it again and retry once;
    // nothing of the unit of work has run.
    st = before_transaction_(*session);
    if (st.ok()) st = session->exec(begin_, {}).status();
  }
  if (st.ok()) {
    st = run_guarded(work, *session);
    Status end = session->exec("COMMIT", {}).status();
    if (st.ok()) st = end;
  }
  {
    std::lock_guard lock(mu_);
    free_.push_back(session);
  }
  cv_.notify_one();
  return st;
}

}  // namespace shegong::db
