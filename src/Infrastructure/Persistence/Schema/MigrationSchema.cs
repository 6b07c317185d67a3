using System.Collections;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace CallTranscription.Infrastructure.Persistence.Schema;

/// <summary>Sets a schema on a migration operation, and on the operations it holds, wherever none is named.</summary>
internal static class MigrationSchema
{
    private static readonly string[] _schemaProperties = ["Schema", "PrincipalSchema", "NewSchema"];

    public static void Apply(MigrationOperation operation, string schema)
    {
        var properties = operation.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);
        foreach (var property in properties)
        {
            if (property.PropertyType == typeof(string))
            {
                if (property.CanWrite && _schemaProperties.Contains(property.Name) && property.GetValue(operation) is null)
                {
                    property.SetValue(operation, schema);
                }
            }
            else if (property.GetValue(operation) is MigrationOperation nested)
            {
                Apply(nested, schema);
            }
            else if (property.GetValue(operation) is IEnumerable items)
            {
                foreach (var item in items.OfType<MigrationOperation>())
                {
                    Apply(item, schema);
                }
            }
        }
    }
}
