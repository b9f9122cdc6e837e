#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace shegong {
namespace {

TEST(JsonWriter, NestsSeparatesAndEscapes) {
  JsonWriter w;
  w.begin_object()
      .field("name", "东华门\"街道\"")
      .field("n", int64_t{42})
      .field("ok", true)
      .field("x", 1.5);
  w.key("none").null();
  w.key("list").begin_array().value(1).value("a").begin_object().end_object().end_array();
  w.key("raw").raw("{\"a\":[1,2]}");
  w.key("empty").begin_array().end_array();
  w.end_object();
  EXPECT_EQ(w.str(),
            "{\"name\":\"东华门\\\"街道\\\"\",\"n\":42,\"ok\":true,\"x\":1.5,\"none\":null,"
            "\"list\":[1,\"a\",{}],\"raw\":{\"a\":[1,2]},\"empty\":[]}");
}

TEST(JsonWriter, NonFiniteNumbersAreNull) {
  JsonWriter w;
  w.begin_array().value(std::nan("")).end_array();
  EXPECT_EQ(w.str(), "[null]");
}

}  // namespace
}  // namespace shegong
