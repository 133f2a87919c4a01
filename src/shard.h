/*
 * shard.h
 *		Where a trigger fires on a Citus cluster (src/shard.c).
 */
#ifndef PE_SHARD_H
#define PE_SHARD_H

#include "utils/relcache.h"

#define PE_MAX_SHARDMAP 32

typedef enum PeWhere
{
	PE_LOCAL,					/* a plain table: one node */
	PE_SHARD,					/* a shard, on a worker */
	PE_SHELL					/* a distributed table's shell, on the coordinator */
} PeWhere;

/* The tables of a shard group, by qualified name, and their shards'. */
typedef struct PeShardMap
{
	int			n;
	char	   *base;			/* the trigger's table, unqualified (PE_SHARD) */
	char	   *table[PE_MAX_SHARDMAP];
	char	   *shard[PE_MAX_SHARDMAP];
} PeShardMap;

extern PeWhere pe_where(Relation rel, PeShardMap *map);
extern const char *pe_on_shards(const char *sql, const PeShardMap *map);
extern const char *pe_on_this_node(const char *sql);
extern const char *pe_on_local_placements(const char *sql);
extern bool pe_is_placement(Relation rel, const char *name);
extern bool pe_on_coordinator(void);

/* src/schemekey.c */
extern void pe_check_project_schemes(Relation rel, const char *(*sharded) (const char *));

#endif
