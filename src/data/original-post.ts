import post from '../../content/original-post.json';

/**
 * The post whose argument the site analyses. Author and date are named only
 * once verified from public records (content/original-post.json says how);
 * until then they are empty strings and the pages say the byline is on the post.
 */
export const originalPost: {
  readonly title: string;
  readonly author: string;
  readonly authorProfileUrl: string;
  readonly published: string;
  readonly url: string;
  readonly site: string;
  readonly verifiedHow: string;
} = post;
