using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PhotoCollect.Core.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without the portal.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePhotoCollectDbContext>
{
    public SqlitePhotoCollectDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context; no server is contacted for migrations or scripts.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<PhotoCollectDbContext>
{
    public PhotoCollectDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PhotoCollectDbContext>()
            .UseSqlServer("Server=localhost;Database=PhotoCollect;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
