using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Identity.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LoginThrottleAndEmailKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "login_throttles",
                schema: "identity",
                columns: table => new
                {
                    account_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    last_failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_throttles", x => new { x.account_key, x.client_address });
                });

            migrationBuilder.CreateIndex(
                name: "ix_login_throttles_last_failed_at",
                schema: "identity",
                table: "login_throttles",
                column: "last_failed_at");

            // Email keys were upper case; they are now EmailNormalizer's (NFKC, no trailing dot, lower case). Re-key the
            // existing users the same way, except where two rows would collide (they keep their old key and need a
            // look by an operator). SQL has no IDNA: a Unicode domain keeps its Unicode spelling here.
            migrationBuilder.Sql("""
                DO $$
                DECLARE nfkc boolean := current_setting('server_encoding') = 'UTF8';
                BEGIN
                    WITH rekeyed AS (
                        SELECT id,
                               CASE WHEN nfkc THEN lower(normalize(regexp_replace(btrim(email), '\.$', ''), NFKC))
                                    ELSE lower(regexp_replace(btrim(email), '\.$', '')) END AS key
                        FROM identity.users)
                    UPDATE identity.users AS u
                    SET normalized_email = r.key
                    FROM rekeyed AS r
                    WHERE u.id = r.id
                      AND u.normalized_email IS DISTINCT FROM r.key
                      AND NOT EXISTS (SELECT 1 FROM rekeyed AS o WHERE o.id <> r.id AND o.key = r.key)
                      AND NOT EXISTS (SELECT 1 FROM identity.users AS o WHERE o.id <> u.id AND o.normalized_email = r.key);
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE identity.users SET normalized_email = upper(normalized_email);");

            migrationBuilder.DropTable(
                name: "login_throttles",
                schema: "identity");
        }
    }
}
