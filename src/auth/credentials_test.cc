#include "auth/credentials.h"

#include <gtest/gtest.h>

#include "audit/audit_log.h"
#include "auth/users.h"
#include "db/test_db.h"

namespace shegong::auth {
namespace {

class CredentialsTest : public ::testing::Test {
 protected:
  CredentialsTest() : clock_(1'700'000'000'000), box_(key()) {
    auto u = create_user(
        *db_, clock_, box_,
        {"wang.fang", "s3cret-pass", "street_staff", "100000000000", "王芳", "13812341234"}, "cli");
    EXPECT_TRUE(u.ok()) << u.status().to_string();
  }
  static crypto::Key key() {
    crypto::Key k{};
    k.fill(3);
    return k;
  }
  db::TestDb db_;
  ManualClock clock_;
  crypto::SecretBox box_;
};

TEST_F(CredentialsTest, LoginOpensASessionThatResolvesToThePrincipal) {
  Credentials c(*db_, clock_);
  auto login = c.login("wang.fang", "s3cret-pass");
  ASSERT_TRUE(login.ok()) << login.status().to_string();
  EXPECT_EQ(login->principal.role, Role::kStreetStaff);
  auto p = c.from_session(login->session_id);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->has_value());
  EXPECT_EQ((*p)->username, "wang.fang");
  EXPECT_EQ((*p)->csrf_token, login->csrf_token);
  EXPECT_TRUE((*p)->via_session);
  // Expired sessions resolve to nobody.
  clock_.advance_ms(13LL * 3600 * 1000);
  EXPECT_FALSE(c.from_session(login->session_id)->has_value());
}

TEST_F(CredentialsTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  Credentials c(*db_, clock_);
  auto a = c.login("wang.fang", "wrong-password");
  auto b = c.login("nobody", "wrong-password");
  EXPECT_EQ(a.status().code(), Code::kUnauthenticated);
  EXPECT_EQ(b.status().code(), Code::kUnauthenticated);
  EXPECT_EQ(a.status().message(), b.status().message());
}

TEST_F(CredentialsTest, BackOffGrowsAfterRepeatedFailuresAndResetsOnSuccess) {
  CredentialOptions o;
  EXPECT_EQ(lockout_ms(3, o), 0);
  EXPECT_EQ(lockout_ms(4, o), 2000);
  EXPECT_EQ(lockout_ms(5, o), 4000);
  EXPECT_EQ(lockout_ms(40, o), o.max_lockout_ms);

  Credentials c(*db_, clock_);
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(c.login("wang.fang", "bad-password").ok());
  // Locked for 2 s: even the right password waits.
  auto locked = c.login("wang.fang", "s3cret-pass");
  EXPECT_EQ(locked.status().code(), Code::kTooManyRequests);
  clock_.advance_ms(2001);
  EXPECT_FALSE(c.login("wang.fang", "bad-password").ok());  // 5th failure: 4 s
  clock_.advance_ms(3000);
  EXPECT_EQ(c.login("wang.fang", "s3cret-pass").status().code(), Code::kTooManyRequests);
  clock_.advance_ms(1001);
  ASSERT_TRUE(c.login("wang.fang", "s3cret-pass").ok());
  EXPECT_FALSE(c.login("wang.fang", "bad-password").ok());
  EXPECT_TRUE(c.login("wang.fang", "s3cret-pass").ok());  // counter was reset
}

TEST_F(CredentialsTest, BearerTokensResolveAndAreStoredOnlyAsDigests) {
  Credentials c(*db_, clock_);
  auto token = c.create_token("wang.fang", "integration", "cli");
  ASSERT_TRUE(token.ok());
  auto p = c.from_bearer(*token);
  ASSERT_TRUE(p.ok() && p->has_value());
  EXPECT_FALSE((*p)->via_session);
  EXPECT_FALSE(c.from_bearer(*token + "x")->has_value());
  EXPECT_FALSE(c.from_bearer("")->has_value());
  ASSERT_TRUE(db_->read([&](db::Session& s) {
                   auto r =
                       s.query("SELECT count(*) FROM api_tokens WHERE token_hash = ?", {*token});
                   EXPECT_EQ((*r)[0].integer(0), 0);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(c.create_token("nobody", "", "cli").status().code(), Code::kNotFound);
}

TEST_F(CredentialsTest, ARevokedTokenStopsWorkingWithinTheCacheTime) {
  Credentials c(*db_, clock_);
  auto token = c.create_token("wang.fang", "integration", "cli");
  ASSERT_TRUE(c.from_bearer(*token)->has_value());
  ASSERT_TRUE(db_->write([](db::Session& s) {
                  return s.exec("UPDATE api_tokens SET revoked = 1").status();
                }).ok());
  clock_.advance_ms(1000);
  EXPECT_TRUE(c.from_bearer(*token)->has_value());  // still trusted from the cache
  clock_.advance_ms(1001);
  EXPECT_FALSE(c.from_bearer(*token)->has_value());
}

TEST_F(CredentialsTest, UsersAreValidatedFieldByFieldAndPhonesAreSealed) {
  auto bad = [&](NewUser u, const char* field) {
    auto r = create_user(*db_, clock_, box_, u, "cli");
    EXPECT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.status().field(), field) << r.status().to_string();
  };
  bad({"ab", "password1", "admin", "100000000000", "", ""}, "username");
  bad({"Bad Name", "password1", "admin", "100000000000", "", ""}, "username");
  bad({"li.si", "short", "admin", "100000000000", "", ""}, "password");
  bad({"li.si", "password1", "emperor", "", "", ""}, "role");
  bad({"li.si", "password1", "admin", "12x", "", ""}, "region");
  bad({"li.si", "password1", "admin", "110101", "", ""}, "region");  // not imported here
  bad({"li.si", "password1", "admin", "100000000000", "", "12345"}, "phone");
  bad({"wang.fang", "password1", "admin", "100000000000", "", ""}, "username");  // taken

  auto found = find_user_by_phone(*db_, box_, "13812341234");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->username, "wang.fang");
  EXPECT_EQ((*found)->phone_masked, "138****1234");
  ASSERT_TRUE(db_->read([&](db::Session& s) {
                   auto r = s.query("SELECT phone_sealed, phone_hash FROM users");
                   if (!r.ok()) return r.status();
                   for (const db::Row& row : *r) {
                     if (row.is_null(0)) continue;
                     EXPECT_EQ(row.blob(0).find("13812341234"), std::string::npos);
                     EXPECT_NE(row.text(1), "13812341234");
                   }
                   return Status::Ok();
                 })
                  .ok());
  auto audit = audit::verify(*db_);
  EXPECT_TRUE(audit->ok);
  EXPECT_EQ(audit->rows, 1);  // only the one successful create
}

}  // namespace
}  // namespace shegong::auth
