// The reading side of an engine: a fixed set of sessions lent out one unit of work at a time.
// Each unit runs inside one read transaction, so it reads one consistent snapshot concurrently
// with the writer and the other readers. A caller waits while all are lent.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/db.h"

namespace shegong::db {

class ReaderPool {
 public:
  // How a session's read transaction is opened and ended; an error of either is the unit's
  // result.
  struct Transaction {
    std::function<Status(Session&)> open;
    std::function<Status(Session&)> close;
  };
  // The transaction as two statements: `begin`, and COMMIT.
  static Transaction statements(std::string begin);

  ReaderPool(std::vector<std::unique_ptr<Session>> sessions, Transaction transaction);

  Status read(const Work& work);

 private:
  std::vector<std::unique_ptr<Session>> sessions_;
  Transaction transaction_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Session*> free_;
};

}  // namespace shegong::db
