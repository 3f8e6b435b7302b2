using Civic.Hosting.Errors;
using Civic.Hosting.Paging;
using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;

namespace Civic.Hotline.Departments;

/// <summary>Registers, finds and lists departments.</summary>
public sealed class DepartmentDirectory(HotlineDbContext db, TimeProvider timeProvider)
{
    /// <summary>The paging scope of the department list.</summary>
    public const string ListScope = "hotline.departments";

    /// <summary>One page of departments by Danish name.</summary>
    public async Task<Page<Department>> ListAsync(PageQuery page, CancellationToken cancellationToken)
    {
        var fetched = await db.Departments.AsNoTracking()
            .OrderBy(d => d.NameDa).ThenBy(d => d.Id)
            .Skip(page.Offset).Take(page.FetchCount)
            .ToListAsync(cancellationToken);
        var total = await db.Departments.CountAsync(cancellationToken);
        return page.ToPage(fetched, total);
    }

    public async Task<Department> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationException("id", "The department id is required.", "Forvaltningens id skal udfyldes.");
        }

        return await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException(
                $"No department has id '{id}'. List the departments to find the right id.",
                $"Der findes ingen forvaltning med id '{id}'. Se listen over forvaltninger for at finde det rigtige id.");
    }

    /// <summary>Registers a department; ALREADY_EXISTS when its code is taken.</summary>
    public async Task<Department> CreateAsync(NewDepartment request, CancellationToken cancellationToken)
    {
        var valid = DepartmentRules.Validate(request);
        if (await CodeTakenAsync(valid.Code, cancellationToken))
        {
            throw CodeTaken(valid.Code);
        }

        var now = timeProvider.GetStoredUtcNow();
        var department = new Department
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Code = valid.Code,
            NameDa = valid.NameDa,
            NameEn = valid.NameEn,
            DirectorName = valid.DirectorName,
            Topics = [.. valid.Topics],
            DeputyNames = [.. valid.Deputies],
            TakesUnsureCitizens = valid.TakesUnsureCitizens,
            ContactEmail = valid.ContactEmail,
            CreatedAt = now,
        };
        db.Departments.Add(department);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Another request may have registered the same code between the check and the insert.
            if (await CodeTakenAsync(valid.Code, CancellationToken.None))
            {
                throw CodeTaken(valid.Code, exception);
            }

            throw;
        }

        return department;
    }

    /// <summary>The departments to call about <paramref name="topic"/> (see <see cref="TopicRouter"/>).</summary>
    public async Task<TopicRouter.Route> RouteAsync(string topic, bool unsure, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .MaxLength("topic", topic.Trim(), TopicRouter.MaxTopicLength, "the topic", "emnet")
            .ThrowIfAny();
        var all = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        return TopicRouter.Find(all, topic, unsure);
    }

    private Task<bool> CodeTakenAsync(string code, CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().AnyAsync(d => d.Code == code, cancellationToken);

    private static AlreadyExistsException CodeTaken(string code, Exception? inner = null)
    {
        var message = $"A department with code '{code}' exists already. Choose another code, or use the existing department.";
        var danish = $"Der findes allerede en forvaltning med koden '{code}'. Vælg en anden kode, eller brug den eksisterende forvaltning.";
        return inner is null ? new AlreadyExistsException(message, danish) : new AlreadyExistsException(message, danish, inner);
    }
}
