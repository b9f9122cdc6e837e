#include "base/crypto.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>

namespace shegong::crypto {
namespace {

TEST(Crypto, PasswordHashIsArgon2idAndVerifies) {
  auto h = hash_password("correct horse battery");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(*h, "correct horse battery"));
  EXPECT_FALSE(verify_password(*h, "correct horse batterY"));
  EXPECT_FALSE(verify_password("garbage", "x"));
}

TEST(Crypto, SecretBoxRoundTripsAndDetectsTampering) {
  Key key{};
  key.fill(7);
  SecretBox box(key);
  std::string a = box.seal("13812341234");
  std::string b = box.seal("13812341234");
  EXPECT_NE(a, b);  // fresh nonce each time
  EXPECT_EQ(a.find("13812341234"), std::string::npos);
  EXPECT_EQ(*box.open(a), "13812341234");
  a[a.size() - 1] ^= 1;
  EXPECT_FALSE(box.open(a).ok());
  EXPECT_FALSE(box.open("short").ok());
  EXPECT_EQ(box.lookup_hash("13812341234"), box.lookup_hash("13812341234"));
  EXPECT_NE(box.lookup_hash("13812341234"), box.lookup_hash("13812341235"));
  Key other{};
  other.fill(8);
  EXPECT_NE(SecretBox(other).lookup_hash("13812341234"), box.lookup_hash("13812341234"));
  EXPECT_FALSE(SecretBox(other).open(b).ok());
}

TEST(Crypto, KeyFileIsCreatedOnceWithMode0600) {
  unsetenv("SHEGONG_KEY");
  char tmpl[] = "/tmp/shegong-key-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  std::string path = dir + "/shegong.key";
  auto k1 = load_or_create_key(path);
  ASSERT_TRUE(k1.ok()) << k1.status().to_string();
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto k2 = load_or_create_key(path);
  ASSERT_TRUE(k2.ok());
  EXPECT_EQ(*k1, *k2);
  std::filesystem::remove_all(dir);
}

TEST(Crypto, AKeyFileIsReadWithoutTheEnvironmentAndNeverOverwritten) {
  char tmpl[] = "/tmp/shegong-key-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  std::string path = dir + "/shegong.key";
  Key key{};
  key.fill(7);
  auto none = read_key_file(path);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(write_key_file(path, key).ok());
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Key other{};
  other.fill(9);
  EXPECT_FALSE(write_key_file(path, other).ok());
  setenv("SHEGONG_KEY", std::string(64, 'a').c_str(), 1);
  auto from_file = read_key_file(path);
  auto loaded = load_key(path);
  unsetenv("SHEGONG_KEY");
  ASSERT_TRUE(from_file.ok() && from_file->has_value());
  EXPECT_EQ(**from_file, key);
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ((**loaded)[0], 0xaa);  // the environment comes first
  auto without_env = load_key(path);
  ASSERT_TRUE(without_env.ok() && without_env->has_value());
  EXPECT_EQ(**without_env, key);
  std::filesystem::remove_all(dir);
}

TEST(Crypto, KeyFromEnvironmentMustBe64HexDigits) {
  setenv("SHEGONG_KEY", std::string(64, 'a').c_str(), 1);
  auto k = load_or_create_key("/nonexistent/dir/key");
  ASSERT_TRUE(k.ok());
  EXPECT_EQ((*k)[0], 0xaa);
  setenv("SHEGONG_KEY", "abc", 1);
  auto bad = load_or_create_key("/nonexistent/dir/key");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "SHEGONG_KEY");
  unsetenv("SHEGONG_KEY");
}

TEST(Crypto, TokensAreDistinctAndUrlSafe) {
  std::string a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

}  // namespace
}  // namespace shegong::crypto
