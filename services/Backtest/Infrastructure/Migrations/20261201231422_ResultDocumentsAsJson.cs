using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeNova.Backtest.Infrastructure.Migrations
{
    /// <summary>Result documents as json (the text as written) instead of jsonb, compressed with lz4 where the server
    /// has it. They are stored and returned whole and never queried inside, so jsonb only cost time: a 20-year backtest's
    /// 1.3 MB of result took some 300 ms to insert as jsonb under load against about 10 ms as json with lz4, and reading
    /// it back as text several times longer. A server built without lz4 keeps pglz (a notice, not an error). Trades and
    /// equity may now be null: the payload's own run holds them (a single backtest, an optimisation's best run), so they
    /// are no longer stored twice.</summary>
    public partial class ResultDocumentsAsJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE backtest.job_results
                    ALTER COLUMN payload TYPE json USING payload::json,
                    ALTER COLUMN trades TYPE json USING trades::json,
                    ALTER COLUMN equity TYPE json USING equity::json,
                    ALTER COLUMN trades DROP NOT NULL,
                    ALTER COLUMN equity DROP NOT NULL;
                DO $$
                BEGIN
                    ALTER TABLE backtest.job_results
                        ALTER COLUMN payload SET COMPRESSION lz4,
                        ALTER COLUMN trades SET COMPRESSION lz4,
                        ALTER COLUMN equity SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'lz4 is not available on this server; backtest results keep the default compression';
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE backtest.job_results r SET
                    trades = COALESCE(r.trades, r.payload->'trades', r.payload->'bestRun'->'trades', '[]'),
                    equity = COALESCE(r.equity, r.payload->'equity', r.payload->'bestRun'->'equity', '[]');
                ALTER TABLE backtest.job_results
                    ALTER COLUMN trades SET NOT NULL,
                    ALTER COLUMN equity SET NOT NULL,
                    ALTER COLUMN payload SET COMPRESSION default,
                    ALTER COLUMN trades SET COMPRESSION default,
                    ALTER COLUMN equity SET COMPRESSION default,
                    ALTER COLUMN payload TYPE jsonb USING payload::jsonb,
                    ALTER COLUMN trades TYPE jsonb USING trades::jsonb,
                    ALTER COLUMN equity TYPE jsonb USING equity::jsonb;
                """);
        }
    }
}
