import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ExportSink } from './json-lines-export';

/** Export files in an S3 bucket under a prefix (the Glue tables' locations); the bucket encrypts. */
export class S3ExportSink implements ExportSink {
  constructor(
    private readonly options: {
      readonly client: S3Client;
      readonly bucket: string;
      readonly prefix?: string;
    },
  ) {}

  async put(key: string, body: string): Promise<void> {
    await this.options.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: `${this.options.prefix ?? ''}${key}`,
        Body: body,
        ContentType: 'application/x-ndjson',
      }),
    );
  }
}
