import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { BeforeInsert, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Ids are UUIDs made in the application, so SQLite and PostgreSQL rows look the same. */
@ObjectType({ isAbstract: true })
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @BeforeInsert()
  protected assignId(): void {
    if (!this.id) this.id = randomUUID();
  }
}

export function newId(): string {
  return randomUUID();
}
