#include "db/reader_pool.h"

#include "db/group_commit.h"

namespace shegong::db {

ReaderPool::Transaction ReaderPool::statements(std::string begin) {
  return {.open = [begin = std::move(begin)](Session& s) { return s.exec(begin, {}).status(); },
          .close = [](Session& s) { return s.exec("COMMIT", {}).status(); }};
}

ReaderPool::ReaderPool(std::vector<std::unique_ptr<Session>> sessions, Transaction transaction)
    : sessions_(std::move(sessions)), transaction_(std::move(transaction)) {
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
  Status st = transaction_.open(*session);
  if (st.ok()) {
    st = run_guarded(work, *session);
    Status end = transaction_.close(*session);
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
